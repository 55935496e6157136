import { Decimal } from '@procurelink/canonical-schemas';
import { stackEndpoints } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import { apInvoiceJson } from '../mapping/ap-invoice-fixture.fixture.spec';
import { toInvoiceReceived } from '../mapping';
import { parseApInvoiceRecord } from '../source';
import { projectInvoice } from '../projection/project-canonical';
import { RedisInvoiceSyncStore } from './redis-invoice-sync-store';

const prefix = `t${Date.now()}.invstore.`;

function record(invoiceId: string, number: string, invoiceDate = '2026-03-05') {
  const parsed = parseApInvoiceRecord(apInvoiceJson({ invoiceId, supplierInvoiceNumber: number, invoiceDate }));
  if (!parsed.ok) throw new Error('fixture does not parse');
  const value = toInvoiceReceived(parsed.record, { tenant: 't' });
  const folded = projectInvoice(null, { eventType: 'InvoiceReceived', value });
  if (folded === null) throw new Error('no record');
  return folded;
}

describe('RedisInvoiceSyncStore on a real Redis', () => {
  let redis: Redis;
  let other: Redis;
  let a: RedisInvoiceSyncStore;
  let b: RedisInvoiceSyncStore;

  beforeAll(() => {
    redis = new Redis(stackEndpoints().redisUrl);
    a = new RedisInvoiceSyncStore(redis, prefix);
    other = redis.duplicate();
    b = new RedisInvoiceSyncStore(other, prefix);
  });

  afterAll(async () => {
    await a.clear();
    await Promise.all([redis.quit(), other.quit()]);
  });

  it('when two instances claim one waiting invoice at once › exactly one gets it; saving ends the claim', async () => {
    const waiting = { invoiceId: 'AP-W', poNumber: 'PO-1001', until: new Date(Date.now() + 60_000), shortfalls: [], decidedAt: new Date() };
    await a.saveInvoice({ record: record('AP-W', 'W-1'), businessKey: 'k-w', billed: [], waiting });
    expect(await a.waitingOn('PO-1001')).toEqual(['AP-W']);
    const claims = await Promise.all([a.claimWaiting('AP-W'), b.claimWaiting('AP-W'), a.claimWaiting('AP-W')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await a.listWaiting(10)).toEqual([]);
    await a.returnWaiting(waiting);
    expect((await a.listWaiting(10)).map((w) => w.invoiceId)).toEqual(['AP-W']);
    expect(await a.claimWaiting('AP-W')).toBe(true);
    await a.saveInvoice({ record: record('AP-W', 'W-1'), businessKey: 'k-w', billed: [], waiting: null });
    expect(await a.waitingOn('PO-1001')).toEqual([]);
    expect(await a.recoverExpiredClaims()).toBe(0);
  });

  it('the exact-duplicate key › held by the first invoice; near candidates within the window only', async () => {
    await a.saveInvoice({ record: record('AP-1', 'INV-1', '2026-03-05'), businessKey: 'k-1', billed: [], waiting: null });
    await a.saveInvoice({ record: record('AP-2', 'INV-2', '2026-01-01'), businessKey: 'k-2', billed: [], waiting: null });
    expect(await a.claimBusinessKey('k-1', 'AP-9')).toBe('AP-1');
    expect(await a.claimBusinessKey('k-9', 'AP-9')).toBe('AP-9');
    const earlier = await a.earlierInvoices({ invoiceId: 'AP-9', supplierId: 'SUP-MEDLINE', businessKey: 'k-2', invoiceDate: '2026-03-10', windowDays: 30 });
    expect(earlier.map((e) => e.invoiceId).sort()).toEqual(['AP-1', 'AP-2', 'AP-W']); // AP-W: the first spec's invoice, same supplier and dates
    const nearOnly = await a.earlierInvoices({ invoiceId: 'AP-9', supplierId: 'SUP-MEDLINE', businessKey: 'k-none', invoiceDate: '2026-03-10', windowDays: 30 });
    expect(nearOnly.map((e) => e.invoiceId).sort()).toEqual(['AP-1', 'AP-W']);
  });

  it('invoiced quantities › summed per PO line across invoices, the asking invoice left out, rewrites idempotent', async () => {
    const billed = (qty: string) => [{ poNumber: 'PO-Q', poLineNumber: 1, quantity: Decimal.parse(qty) }];
    await a.saveInvoice({ record: record('AP-Q1', 'Q-1'), businessKey: 'k-q1', billed: billed('2.5'), waiting: null });
    await a.saveInvoice({ record: record('AP-Q1', 'Q-1'), businessKey: 'k-q1', billed: billed('2.5'), waiting: null });
    await b.saveInvoice({ record: record('AP-Q2', 'Q-2'), businessKey: 'k-q2', billed: billed('1.25'), waiting: null });
    expect((await a.invoicedQuantities('PO-Q', 'none')).map((q) => q.quantity.toString())).toEqual(['3.75']);
    expect((await a.invoicedQuantities('PO-Q', 'AP-Q2')).map((q) => q.quantity.toString())).toEqual(['2.5']);
  });
});
