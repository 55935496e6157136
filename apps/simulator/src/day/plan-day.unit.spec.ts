import { Decimal } from '@procurelink/canonical-schemas';
import { planDay, type SourceAct } from './plan-day';
import { SOURCE_TOPICS } from './source-topics';

const options = { seed: 7, day: '2026-11-24', runId: 'abc123', startAt: new Date('2026-11-24T08:00:00Z') };
const plan = planDay(options);
const on = (topic: string): SourceAct[] => plan.acts.filter((act) => act.topic === topic);
type Json = Record<string, unknown> & { lines: Array<Record<string, string>> };
const doc = (act: SourceAct | undefined): Json => act?.value as Json;

describe('a simulated day', () => {
  it('is the same day for the same seed and run', () => {
    expect(planDay(options)).toEqual(plan);
  });

  it('never stamps a source record later than the moment it is sent', () => {
    const stamps = (value: unknown): string[] =>
      typeof value !== 'object' || value === null
        ? []
        : Object.entries(value).flatMap(([name, inner]) => (['occurredAt', 'receivedAt', 'capturedAt', 'LAST_CHANGED', 'updatedAt'].includes(name) ? [String(inner)] : stamps(inner)));
    for (const act of plan.acts) {
      for (const stamp of stamps(act.value)) expect(Date.parse(stamp)).toBeLessThanOrEqual(options.startAt.getTime() + act.at);
    }
  });

  it('plays its acts in time order', () => {
    const times = plan.acts.map((act) => act.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('approves thirteen purchase orders (one invoiced at the end of the day) whose totals are the exact sum of their lines', () => {
    const approved = on(SOURCE_TOPICS.purchaseOrder).filter((act) => typeof act.value === 'object' && doc(act)['action'] === 'APPROVED' && Array.isArray(doc(act).lines));
    expect(approved).toHaveLength(13);
    for (const act of approved) {
      const sum = doc(act).lines.reduce((total, line) => total.add(Decimal.parse(line['lineAmount'] as string)), Decimal.zero(2));
      expect(sum.toString()).toBe(Decimal.parse(doc(act)['totalAmount'] as string).withScale(2).toString());
    }
  });

  it('bills a different total on every invoice of a supplier but the re-scan (so only the re-scan is a duplicate)', () => {
    for (const seed of [7, 8, 9, 10, 11]) {
      const day = planDay({ ...options, seed });
      const totals = day.acts
        .filter((act) => act.topic === SOURCE_TOPICS.apInvoice && typeof act.value === 'object' && !act.key.endsWith('-RESCAN'))
        .map((act) => `${doc(act)['supplierId'] as string} ${doc(act)['total'] as string}`);
      expect(new Set(totals).size).toBe(totals.length);
    }
  });

  it('re-captures one invoice under a new id with the same supplier number and total (a duplicate)', () => {
    const invoices = on(SOURCE_TOPICS.apInvoice).filter((act) => typeof act.value === 'object');
    const rescan = invoices.find((act) => act.key.endsWith('-RESCAN'));
    const original = invoices.find((act) => act.key === rescan?.key.replace('-RESCAN', ''));
    expect(doc(rescan)['supplierInvoiceNumber']).toBe(doc(original)['supplierInvoiceNumber']);
    expect(doc(rescan)['total']).toBe(doc(original)['total']);
  });

  it('bills one invoice 12% over the PO price', () => {
    const variance = on(SOURCE_TOPICS.apInvoice).find((act) => act.note.includes('PRICE_VARIANCE'));
    const po = on(SOURCE_TOPICS.purchaseOrder).find((act) => act.key === doc(variance)['poNumber']);
    const billed = Decimal.parse(doc(variance).lines[0]?.['unitPrice'] as string);
    const ordered = Decimal.parse(doc(po).lines[0]?.['unitPrice'] as string);
    expect(billed.toString()).toBe(ordered.multiply(Decimal.parse('1.12')).roundHalfEven(2).toString());
  });

  it('sends the early invoice before its goods receipt', () => {
    const early = on(SOURCE_TOPICS.apInvoice).find((act) => act.note.includes('before its goods'));
    const receipt = on(SOURCE_TOPICS.goodsReceipt).find((act) => act.key === doc(early)['poNumber']);
    expect(receipt?.at).toBeGreaterThan(early?.at ?? Infinity);
  });

  it('includes broken records and a bank-details change', () => {
    expect(plan.acts.filter((act) => typeof act.value === 'string')).toHaveLength(1);
    expect(plan.acts.filter((act) => act.note.includes('dead-lettered'))).toHaveLength(2);
    const vendorRecords = on(SOURCE_TOPICS.erpVendor).filter((act) => act.key === plan.bankChangeSupplier.supplierId);
    expect(vendorRecords).toHaveLength(2);
    expect(doc(vendorRecords[1])['BANK']).not.toEqual(doc(vendorRecords[0])['BANK']);
  });
});
