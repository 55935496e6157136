import { Decimal, type InvoiceReceived } from '@procurelink/canonical-schemas';
import { buildOpenApiDocument, InvalidRequest } from '@procurelink/system-api';
import { toInvoiceReceived } from '../mapping';
import { apInvoiceJson } from '../mapping/ap-invoice-fixture.fixture.spec';
import type { InvoiceStatusView } from '../invoice-status-lookup';
import { projectInvoice } from '../projection/project-canonical';
import type { InvoiceRecord } from '../projection/invoice-state';
import { parseApInvoiceRecord } from '../source';
import { invoiceRecordOrInvalid, toFieldProblem } from './field-problems';
import { invoiceNotFound, isInvoiceId, toInvoiceStatusResponse } from './invoice-status-response';
import { AP_INVOICE_REQUEST_SCHEMA, INVOICE_ROUTES } from './invoices.routes';

const d = Decimal.parse;

function invalidProblems(body: unknown): Array<{ path: string; code: string; message: string }> {
  try {
    invoiceRecordOrInvalid(body);
  } catch (error) {
    if (error instanceof InvalidRequest) return error.problems.map((p) => ({ ...p }));
    throw error;
  }
  throw new Error('the body was accepted');
}

function received(): InvoiceReceived {
  const parsed = parseApInvoiceRecord(apInvoiceJson());
  if (!parsed.ok) throw new Error('fixture does not parse');
  return toInvoiceReceived(parsed.record, { tenant: 't' });
}

const receivedRecord = (): InvoiceRecord => projectInvoice(null, { eventType: 'InvoiceReceived', value: received() }) as InvoiceRecord;

describe('the invoice request body', () => {
  it('when it is a valid AP automation invoice › gives the record', () => {
    expect(invoiceRecordOrInvalid(apInvoiceJson()).invoiceId).toBe('APX-2026-000123');
  });

  it('when fields are wrong › one problem per field path with a code, never the value', () => {
    const body = apInvoiceJson({ supplierId: 'ACCT 000123456789', total: 150, invoiceDate: undefined, lines: [{ lineNumber: 1, description: 'x', quantity: '1', unitPrice: 'abc', lineAmount: '1.00' }] });
    const problems = invalidProblems(body);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['supplierId', 'INVALID_FORMAT'],
      ['invoiceDate', 'REQUIRED'],
      ['lines[0].unitPrice', 'INVALID_DECIMAL'],
      ['total', 'NOT_A_DECIMAL_STRING'],
    ]);
    expect(JSON.stringify(problems)).not.toContain('123456789');
  });

  it('when the body is not an object › a problem at $', () => {
    expect(invalidProblems([1, 2])).toEqual([{ path: '$', code: 'WRONG_TYPE', message: 'the record must be a JSON object' }]);
    expect(toFieldProblem({ path: 'lines', message: 'must hold 1 to 500 lines' }).code).toBe('WRONG_COUNT');
  });
});

describe('the invoice status response', () => {
  it('when the invoice waits for its receipt › WAITING with until when, the shortfall and amounts as exact decimal strings', () => {
    const shortfall = { poLineNumber: 1, invoiceLineNumbers: [1], ordered: d('10'), received: d('4'), previouslyInvoiced: d('0'), invoiced: d('10'), cumulative: d('10'), receiptLimit: d('4'), orderLimit: d('10') };
    const view: InvoiceStatusView = {
      record: receivedRecord(),
      waiting: { invoiceId: 'APX-2026-000123', poNumber: 'PO-1001', until: new Date('2026-03-08T09:30:00Z'), decidedAt: new Date('2026-03-05T09:31:00Z'), shortfalls: [shortfall] },
    };
    expect(toInvoiceStatusResponse(view)).toEqual({
      invoiceId: 'APX-2026-000123',
      status: 'WAITING',
      supplierId: 'SUP-MEDLINE',
      supplierInvoiceNumber: 'INV-55821',
      poNumber: 'PO-1001',
      facilityId: 'FAC-NORTH',
      invoiceDate: '2026-03-05',
      dueDate: '2026-04-04',
      amounts: { currency: 'USD', subtotal: '140.00', taxAmount: '10.00', total: '150.00' },
      receivedAt: '2026-03-05T09:30:00.000Z',
      waiting: { waitingFor: 'RECEIPT', until: '2026-03-08T09:30:00.000Z', lastDecidedAt: '2026-03-05T09:31:00.000Z', shortfalls: [{ poLineNumber: 1, invoiced: '10', received: '4', ordered: '10' }] },
      matchedAt: null,
      posting: null,
      exception: null,
    });
  });

  it('when it waits with no shortfall › it waits for its PO; without a waiting entry › RECEIVED', () => {
    const waiting = { invoiceId: 'APX-2026-000123', poNumber: 'PO-1001', until: new Date(), decidedAt: new Date(), shortfalls: [] };
    expect(toInvoiceStatusResponse({ record: receivedRecord(), waiting }).waiting?.waitingFor).toBe('PURCHASE_ORDER');
    expect(toInvoiceStatusResponse({ record: receivedRecord(), waiting: null })).toMatchObject({ status: 'RECEIVED', waiting: null });
  });

  it('when it is posted › POSTED with the ERP document number and when it matched and posted', () => {
    let record = projectInvoice(receivedRecord(), { eventType: 'InvoiceMatched', value: { matchedAt: new Date('2026-03-06T10:00:00Z') } as never });
    record = projectInvoice(record, { eventType: 'InvoicePosted', value: { erpDocumentNumber: 'APV-00000007', postedAt: new Date('2026-03-06T10:00:02Z') } as never });
    expect(toInvoiceStatusResponse({ record: record as InvoiceRecord, waiting: null })).toMatchObject({
      status: 'POSTED',
      matchedAt: '2026-03-06T10:00:00.000Z',
      posting: { erpDocumentNumber: 'APV-00000007', postedAt: '2026-03-06T10:00:02.000Z' },
      exception: null,
    });
  });

  it('when it is an exception › EXCEPTION with the reason code, detail, the invoice it duplicates or the variance', () => {
    const envelope = { occurredAt: new Date('2026-03-06T10:00:00Z') };
    const duplicate = projectInvoice(receivedRecord(), {
      eventType: 'InvoiceException',
      value: { envelope, reason: 'DUPLICATE', detail: 'invoice AP-1 has the same supplier, invoice number and amount', duplicateOfInvoiceId: 'AP-1', varianceAmount: null, variancePercent: null } as never,
    });
    expect(toInvoiceStatusResponse({ record: duplicate as InvoiceRecord, waiting: null })).toMatchObject({
      status: 'EXCEPTION',
      posting: null,
      exception: { reasonCode: 'DUPLICATE', detail: 'invoice AP-1 has the same supplier, invoice number and amount', duplicateOfInvoiceId: 'AP-1', variance: null, raisedAt: '2026-03-06T10:00:00.000Z' },
    });
    const variance = projectInvoice(receivedRecord(), {
      eventType: 'InvoiceException',
      value: { envelope, reason: 'PRICE_VARIANCE', detail: 'line 1', duplicateOfInvoiceId: null, varianceAmount: { amount: d('5.0000'), currency: 'USD' }, variancePercent: d('4.0000') } as never,
    });
    expect(toInvoiceStatusResponse({ record: variance as InvoiceRecord, waiting: null }).exception?.variance).toEqual({ amount: { amount: '5.0000', currency: 'USD' }, percent: '4.0000' });
  });

  it('when the id is unknown or impossible › 404, naming the id only when it is a well-formed identifier', () => {
    expect(invoiceNotFound('AP-9').toProblem()).toMatchObject({ status: 404, type: 'urn:procurelink:problem:not-found' });
    expect(invoiceNotFound('AP-9').toProblem().detail).toContain('AP-9');
    expect(isInvoiceId('<script>')).toBe(false);
    expect(invoiceNotFound('<script>').toProblem().detail).not.toContain('script');
  });
});

describe('the invoice route docs', () => {
  it('build an OpenAPI document with both routes and their scopes', () => {
    const doc = buildOpenApiDocument({ title: 'Invoice sync', version: '1' }, INVOICE_ROUTES) as { paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(doc.paths['/v1/invoices']?.['post']?.['x-required-scopes']).toEqual(['invoices:submit']);
    expect(doc.paths['/v1/invoices/{invoiceId}']?.['get']?.['x-required-scopes']).toEqual(['invoices:read']);
  });

  it('describe every field the parser reads and require the ones SOURCE.md marks required', () => {
    const properties = Object.keys(AP_INVOICE_REQUEST_SCHEMA['properties'] as object).sort();
    expect(properties).toEqual(Object.keys(invoiceRecordOrInvalid(apInvoiceJson())).sort());
    const required = AP_INVOICE_REQUEST_SCHEMA['required'] as string[];
    for (const field of required) {
      const { [field]: _dropped, ...rest } = apInvoiceJson();
      expect(invalidProblems(rest).map((p) => p.path)).toContain(field);
    }
    expect(required).not.toContain('poNumber');
    expect(required).not.toContain('dueDate');
  });
});
