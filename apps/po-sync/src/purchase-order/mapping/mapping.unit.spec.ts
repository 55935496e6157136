import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Decimal } from '@procurelink/canonical-schemas';
import { decidePurchaseOrderRevision, encumbranceKey, type EncumbrancePosting } from '../domain';
import { parseReferenceFile, type ReferenceDirectory } from '../reference/reference-file';
import { parseInventoryReceiptRecord, parsePurchasingPoRecord, type PurchasingPoCancelRecord, type PurchasingPoRevisionRecord } from '../source';
import { poRecordEventId, toGoodsReceived, toPurchaseOrderCancelled, toPurchaseOrderRevision } from '.';
import { toEncumbranceRequest } from './to-encumbrance-request';

const file = parseReferenceFile(JSON.parse(readFileSync(resolve(__dirname, '../../../reference-data/demo-network.json'), 'utf8')));
const directory = (file.ok ? file.directory : undefined) as ReferenceDirectory;
const context = { directory, tenant: 'demo-health' };

function revision(action: 'APPROVED' | 'CHANGED', overrides: object = {}): PurchasingPoRevisionRecord {
  const parsed = parsePurchasingPoRecord({
    action,
    poNumber: 'PO-1001',
    revision: action === 'APPROVED' ? 0 : 1,
    occurredAt: '2026-03-01T10:00:00Z',
    supplierId: 'SUP-MEDLINE',
    orderDate: '2026-03-01',
    currency: 'USD',
    totalAmount: '125.00',
    shipTo: { facilityId: 'FAC-NORTH' },
    lines: [
      {
        lineNumber: 1,
        item: { itemId: 'ITM-GLOVE-NITRILE-M', description: 'Gloves', gtin: '00812345678905', unitOfMeasure: 'BX' },
        quantity: '10',
        unitPrice: '12.50',
        lineAmount: '125.00',
        departmentId: 'DEP-NORTH-ICU',
        costCentre: 'CC-4100',
        glAccount: '6100',
      },
    ],
    ...overrides,
  });
  if (!parsed.ok || parsed.record.action === 'CANCELLED') throw new Error(JSON.stringify(parsed));
  return parsed.record;
}

describe('purchasing PO record → canonical event', () => {
  it('when approved › becomes PurchaseOrderApproved with names and address from the reference data', () => {
    const event = toPurchaseOrderRevision(revision('APPROVED'), context);
    expect(event.eventType).toBe('PurchaseOrderApproved');
    expect(event.value).toMatchObject({
      poNumber: 'PO-1001',
      revision: 0,
      supplierId: 'SUP-MEDLINE',
      shipTo: { facilityId: 'FAC-NORTH', name: 'North General Hospital', legalEntity: 'DH-NORTH', address: { city: 'Springfield' } },
      envelope: { eventType: 'PurchaseOrderApproved', sourceSystem: 'purchasing', sourceRecordId: 'PO-1001', facilityId: 'FAC-NORTH', tenant: 'demo-health' },
    });
    const [line] = event.value.lines;
    expect(line?.department).toEqual({ departmentId: 'DEP-NORTH-ICU', name: 'Intensive Care Unit', facilityId: 'FAC-NORTH' });
    expect(line?.glAccount).toEqual({ accountNumber: '6100', name: 'Medical and surgical supplies' });
    expect(line?.unitPrice.amount.equals(Decimal.parse('12.5'))).toBe(true);
    expect(line?.lineAmount.currency).toBe('USD');
  });

  it('when mapped twice › gives the same event id; a changed revision gets another', () => {
    const first = toPurchaseOrderRevision(revision('APPROVED'), context).value.envelope.eventId;
    expect(toPurchaseOrderRevision(revision('APPROVED'), context).value.envelope.eventId).toBe(first);
    expect(toPurchaseOrderRevision(revision('CHANGED'), context).value.envelope.eventId).not.toBe(first);
    expect(poRecordEventId({ poNumber: 'PO-1', revision: 1, action: 'CHANGED' })).not.toBe(poRecordEventId({ poNumber: 'PO-1', revision: 1, action: 'CANCELLED' }));
  });

  it('when the coding names an inactive GL account › the domain refuses the mapped revision at its path', () => {
    const record = revision('APPROVED');
    const event = toPurchaseOrderRevision({ ...record, lines: record.lines.map((l) => ({ ...l, glAccount: '6190' })) }, context);
    const decision = decidePurchaseOrderRevision(null, event, directory.reference);
    expect(decision.kind === 'invalid' && decision.problems.map((p) => `${p.code}@${p.path}`)).toEqual(['INACTIVE_GL_ACCOUNT@lines[0].glAccount']);
  });

  it('when cancelled › becomes PurchaseOrderCancelled with its reason and time', () => {
    const parsed = parsePurchasingPoRecord({ action: 'CANCELLED', poNumber: 'PO-1001', revision: 1, occurredAt: '2026-03-05T10:00:00Z', reason: 'recall' });
    const event = toPurchaseOrderCancelled(parsed.ok ? (parsed.record as PurchasingPoCancelRecord) : (undefined as never), 'FAC-NORTH', context);
    expect(event).toMatchObject({ poNumber: 'PO-1001', revision: 1, reason: 'recall', cancelledAt: new Date('2026-03-05T10:00:00Z') });
  });
});

describe('inventory receipt → GoodsReceived', () => {
  it('keeps lot, expiry, serial and UDI per line and shares the PO correlation id', () => {
    const parsed = parseInventoryReceiptRecord({
      receiptId: 'GR-1',
      poNumber: 'PO-1001',
      facilityId: 'FAC-NORTH',
      receivedAt: '2026-03-02T08:00:00Z',
      lines: [{ poLineNumber: 1, item: { gtin: '00812345678929', unitOfMeasure: 'EA' }, quantityReceived: '1', lotNumber: 'L7', expiryDate: '2031-12-31', serialNumber: 'SN-1', udi: '(01)00812345678929(21)SN-1' }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const event = toGoodsReceived(parsed.record, context);
    expect(event.lines[0]).toMatchObject({ receiptLineNumber: 1, poLineNumber: 1, lotNumber: 'L7', expiryDate: '2031-12-31', serialNumber: 'SN-1', udi: '(01)00812345678929(21)SN-1' });
    expect(event.envelope.correlationId).toBe(toPurchaseOrderRevision(revision('APPROVED'), context).value.envelope.correlationId);
  });
});

describe('posting → ERP encumbrance request', () => {
  const posting = (direction: 'ENCUMBER' | 'RELEASE', cause: 'APPROVED' | 'CHANGED' | 'CANCELLED'): EncumbrancePosting => ({
    facilityId: 'FAC-NORTH',
    departmentId: 'DEP-NORTH-ICU',
    costCentre: 'CC-4100',
    glAccount: '6100',
    currency: 'USD',
    idempotencyKey: encumbranceKey('PO-1', 2, 3, direction),
    poNumber: 'PO-1',
    revision: 2,
    lineNumber: 3,
    amount: Decimal.parse('50.00'),
    direction,
    cause,
  });

  it('a change that lowers a line RELIEVEs it; a cancel RELEASEs; amounts stay decimal strings', () => {
    expect(toEncumbranceRequest(posting('ENCUMBER', 'APPROVED'), 'SUP-1')).toMatchObject({ direction: 'ENCUMBER', amount: '50.00', supplierId: 'SUP-1' });
    expect(toEncumbranceRequest(posting('RELEASE', 'CHANGED'), 'SUP-1').direction).toBe('RELIEVE');
    expect(toEncumbranceRequest(posting('RELEASE', 'CANCELLED'), null)).not.toHaveProperty('supplierId');
    expect(toEncumbranceRequest(posting('RELEASE', 'CANCELLED'), null).direction).toBe('RELEASE');
  });
});
