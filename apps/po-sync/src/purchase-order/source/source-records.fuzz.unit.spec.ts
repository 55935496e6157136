// Property-based fuzzing of po-sync's source path (parse → map → decide) with thousands of broken
// purchasing PO records and inventory receipts: every input ends as a parsed record or a list of
// problems with a path (dead-lettered as INVALID_INPUT), never a throw; what parses maps and is
// decided without a throw. Case counts go to FUZZ_REPORT (npm run test:faults prints them).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Decimal } from '@procurelink/canonical-schemas';
import { classify, invalidInput } from '@procurelink/messaging';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared fuzz helpers live in test/faults (spec files only)
import { badInputsLike, fuzz } from '../../../../../test/faults/fuzz';
import { decideGoodsReceipt, decidePurchaseOrderRevision } from '../domain';
import { toGoodsReceived, toPurchaseOrderCancelled, toPurchaseOrderRevision } from '../mapping';
import { projectPurchaseOrder } from '../projection/project-purchase-order';
import { parseReferenceFile, type ReferenceDirectory } from '../reference/reference-file';
import { describeProblems, parseInventoryReceiptRecord, parsePurchasingPoRecord, type SourceProblem } from '.';

const file = parseReferenceFile(JSON.parse(readFileSync(resolve(__dirname, '../../../reference-data/demo-network.json'), 'utf8')));
const directory = (file.ok ? file.directory : undefined) as ReferenceDirectory;
const context = { directory, tenant: 'demo-health' };
const rules = { overReceiptTolerancePercent: Decimal.parse('5'), minRemainingShelfLifeDays: 30 };
const DECISIONS = ['posted', 'ignored', 'invalid'];

const validPo = {
  action: 'APPROVED',
  poNumber: 'PO-9001',
  revision: 1,
  occurredAt: '2026-03-01T10:00:00Z',
  correlationId: 'PO-9001',
  supplierId: 'V-10001',
  orderDate: '2026-03-01',
  currency: 'USD',
  totalAmount: '209.00',
  shipTo: { facilityId: 'FAC-NORTH' },
  lines: [
    {
      lineNumber: 1,
      item: { itemId: 'ITM-GLOVE-NITRILE-M', description: 'Gloves', gtin: '00812345678905', manufacturerName: 'Northwind', manufacturerPartNumber: 'NW-1', unitOfMeasure: 'BX' },
      quantity: '20',
      unitPrice: '8.95',
      lineAmount: '179.00',
      facilityId: 'FAC-NORTH',
      departmentId: 'DEP-NORTH-ICU',
      costCentre: 'CC-4100',
      glAccount: '6100',
    },
    {
      lineNumber: 2,
      item: { itemId: 'ITM-SALINE-1L', description: 'Saline', gtin: '00812345678912', unitOfMeasure: 'EA' },
      quantity: '12',
      unitPrice: '2.50',
      lineAmount: '30.00',
      facilityId: 'FAC-NORTH',
      departmentId: 'DEP-NORTH-ICU',
      costCentre: 'CC-4100',
      glAccount: '6100',
    },
  ],
};
const validCancel = { action: 'CANCELLED', poNumber: 'PO-9001', revision: 2, occurredAt: '2026-03-02T10:00:00Z', correlationId: 'PO-9001', reason: 'duplicate requisition' };
const validReceipt = {
  receiptId: 'GR-9001',
  poNumber: 'PO-9001',
  facilityId: 'FAC-NORTH',
  receivedAt: '2026-03-03T08:00:00Z',
  receivingLocation: 'FAC-NORTH-DOCK-1',
  lines: [
    { receiptLineNumber: 1, poLineNumber: 1, item: { itemId: 'ITM-GLOVE-NITRILE-M', gtin: '00812345678905', unitOfMeasure: 'BX' }, quantityReceived: '20', lotNumber: 'LOT-1' },
    { receiptLineNumber: 2, poLineNumber: 2, item: { itemId: 'ITM-SALINE-1L', gtin: '00812345678912', unitOfMeasure: 'EA' }, quantityReceived: '12', lotNumber: 'LOT-2', expiryDate: '2027-06-30' },
  ],
};

function expectClassifiedRefusal(problems: readonly SourceProblem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    expect(typeof p.path).toBe('string');
    expect(p.message).toMatch(/\S/);
  }
  const failure = classify(invalidInput(`refused: ${describeProblems(problems)}`));
  expect([failure.code, failure.retriable]).toEqual(['INVALID_INPUT', false]);
}

/** The state the valid PO leaves, for deciding receipts against. */
function approvedState() {
  const parsed = parsePurchasingPoRecord(validPo);
  if (!parsed.ok || parsed.record.action === 'CANCELLED') throw new Error(JSON.stringify(parsed));
  const event = toPurchaseOrderRevision(parsed.record, context);
  return projectPurchaseOrder(null, event);
}

describe('po-sync source records under fuzzing', () => {
  it('the valid records the mutations start from parse', () => {
    expect(parsePurchasingPoRecord(validPo).ok).toBe(true);
    expect(parsePurchasingPoRecord(validCancel).ok).toBe(true);
    expect(parseInventoryReceiptRecord(validReceipt).ok).toBe(true);
  });

  it('when purchasing PO records are broken in thousands of ways › each parses or is refused with problems (INVALID_INPUT), and what parses maps and is decided without a throw', () => {
    const cases = fuzz('po-sync: purchasing PO record → parse, map, decide', badInputsLike(validPo), (raw) => {
      const parsed = parsePurchasingPoRecord(raw);
      if (!parsed.ok) return expectClassifiedRefusal(parsed.problems);
      if (parsed.record.action === 'CANCELLED') {
        toPurchaseOrderCancelled(parsed.record, 'FAC-NORTH', { tenant: 'demo-health' });
        return;
      }
      const event = toPurchaseOrderRevision(parsed.record, context);
      const decision = decidePurchaseOrderRevision(null, event, directory.reference);
      expect(DECISIONS).toContain(decision.kind);
    });
    expect(cases).toBeGreaterThanOrEqual(1000);
  });

  it('when cancellations are broken › each parses or is refused with problems', () => {
    fuzz('po-sync: purchasing PO cancellation → parse, map', badInputsLike(validCancel), (raw) => {
      const parsed = parsePurchasingPoRecord(raw);
      if (!parsed.ok) return expectClassifiedRefusal(parsed.problems);
      if (parsed.record.action === 'CANCELLED') toPurchaseOrderCancelled(parsed.record, 'FAC-NORTH', { tenant: 'demo-health' });
      else toPurchaseOrderRevision(parsed.record, context);
    });
  });

  it('when inventory receipts are broken in thousands of ways › each parses or is refused, and what parses is decided against the PO without a throw', () => {
    const state = approvedState();
    fuzz('po-sync: inventory goods receipt → parse, map, decide', badInputsLike(validReceipt), (raw) => {
      const parsed = parseInventoryReceiptRecord(raw);
      if (!parsed.ok) return expectClassifiedRefusal(parsed.problems);
      const receipt = toGoodsReceived(parsed.record, { tenant: 'demo-health' });
      const decision = decideGoodsReceipt(state, receipt, { trackingOf: directory.trackingOf, rules });
      expect(['accepted', 'duplicate', 'rejected']).toContain(decision.kind);
    });
  });
});
