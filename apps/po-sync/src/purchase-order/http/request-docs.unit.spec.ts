import { buildOpenApiDocument, InvalidRequest, type JsonSchema } from '@procurelink/system-api';
import { parseInventoryReceiptRecord, parsePurchasingPoRecord } from '../source';
import { GOODS_RECEIPT_REQUEST_SCHEMA } from './goods-receipts.routes';
import { recordOrInvalid, toFieldProblem } from './invalid-request';
import { PO_SYNC_ROUTES } from './index';
import { PURCHASE_ORDER_REQUEST_SCHEMA } from './purchase-orders.routes';

// The SOURCE.md examples.
const PO = {
  action: 'APPROVED',
  poNumber: 'PO-1001',
  revision: 0,
  occurredAt: '2026-03-01T10:00:00Z',
  supplierId: 'SUP-MEDLINE',
  orderDate: '2026-03-01',
  currency: 'USD',
  totalAmount: '125.00',
  shipTo: { facilityId: 'FAC-NORTH' },
  lines: [
    {
      lineNumber: 1,
      item: { itemId: 'ITM-GLOVE-NITRILE-M', description: 'Nitrile exam gloves, M', gtin: '00812345678905', unitOfMeasure: 'BX' },
      quantity: '10',
      unitPrice: '12.50',
      lineAmount: '125.00',
      departmentId: 'DEP-NORTH-ICU',
      costCentre: 'CC-4100',
      glAccount: '6100',
    },
  ],
};
const RECEIPT = {
  receiptId: 'GR-5001',
  poNumber: 'PO-1001',
  facilityId: 'FAC-NORTH',
  receivedAt: '2026-03-03T08:15:00Z',
  lines: [{ poLineNumber: 1, item: { itemId: 'ITM-GLOVE-NITRILE-M', unitOfMeasure: 'BX' }, quantityReceived: '1', lotNumber: 'LOT-1' }],
};

function invalidPaths(act: () => unknown): string[] {
  try {
    act();
  } catch (error) {
    if (error instanceof InvalidRequest) return error.problems.map((problem) => problem.path);
    throw error;
  }
  return [];
}

const requiredOf = (schema: JsonSchema, ...extra: string[]): string[] => [...((schema.required as string[] | undefined) ?? []), ...extra];

describe('po-sync request bodies', () => {
  it('when a body is valid › gives the parsed record', () => {
    expect(recordOrInvalid(parsePurchasingPoRecord(PO))).toMatchObject({ poNumber: 'PO-1001', action: 'APPROVED' });
    expect(recordOrInvalid(parseInventoryReceiptRecord(RECEIPT))).toMatchObject({ receiptId: 'GR-5001', poNumber: 'PO-1001' });
  });

  it('when fields are wrong › a 400 invalid-request naming every path, with a code and a message that never echo the value', () => {
    const secret = 'SECRET-VALUE-123456789012345678901234567890123456789012345678901234567890123456789';
    const body = { ...PO, totalAmount: 125, poNumber: secret, lines: [{ ...PO.lines[0], quantity: undefined }] };
    let caught: unknown;
    try {
      recordOrInvalid(parsePurchasingPoRecord(body));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidRequest);
    const problems = (caught as InvalidRequest).problems;
    expect(problems.map((problem) => [problem.path, problem.code])).toEqual(
      expect.arrayContaining([
        ['poNumber', 'INVALID_VALUE'],
        ['totalAmount', 'INVALID_VALUE'],
        ['lines[0].quantity', 'REQUIRED'],
      ]),
    );
    expect(JSON.stringify((caught as InvalidRequest).toProblem())).not.toContain(secret);
  });

  it('when the body is not an object › the problem is at $', () => {
    expect(toFieldProblem({ path: '', message: 'the record must be a JSON object' })).toEqual({ path: '$', code: 'INVALID_VALUE', message: 'the record must be a JSON object' });
    expect(invalidPaths(() => recordOrInvalid(parseInventoryReceiptRecord([1, 2])))).toEqual(['$']);
  });

  it.each(requiredOf(PURCHASE_ORDER_REQUEST_SCHEMA, 'supplierId', 'orderDate', 'currency', 'totalAmount', 'shipTo', 'lines'))(
    'the documented PO schema requires %s › and the parser refuses an APPROVED record without it at that path',
    (field) => {
      const { [field]: _dropped, ...body } = PO as Record<string, unknown>;
      expect(invalidPaths(() => recordOrInvalid(parsePurchasingPoRecord(body))).some((path) => path === field || path.startsWith(`${field}.`))).toBe(true);
    },
  );

  it.each(requiredOf(GOODS_RECEIPT_REQUEST_SCHEMA))('the documented receipt schema requires %s › and the parser refuses a receipt without it at that path', (field) => {
    const { [field]: _dropped, ...body } = RECEIPT as Record<string, unknown>;
    expect(invalidPaths(() => recordOrInvalid(parseInventoryReceiptRecord(body)))).toContain(field);
  });
});

describe('po-sync route docs', () => {
  it('document the three routes with their scopes, and build an OpenAPI document', () => {
    expect(PO_SYNC_ROUTES.map((route) => [route.method, route.path, route.scopes])).toEqual([
      ['post', '/v1/purchase-orders', ['purchase-orders:submit']],
      ['get', '/v1/purchase-orders/:poNumber', ['purchase-orders:read']],
      ['post', '/v1/goods-receipts', ['goods-receipts:submit']],
    ]);
    const document = buildOpenApiDocument({ title: 'po-sync', version: '1' }, PO_SYNC_ROUTES) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/purchase-orders', '/v1/purchase-orders/{poNumber}', '/v1/goods-receipts']));
  });
});
