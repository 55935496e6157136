import { Decimal } from '@procurelink/canonical-schemas';
import { stackEndpoints } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import { apInvoiceJson } from '../mapping/ap-invoice-fixture.fixture.spec';
import { toInvoiceReceived } from '../mapping';
import { parseApInvoiceRecord } from '../source';
import { projectInvoice } from '../projection/project-canonical';
import { toJson } from '../projection/state-json';
import type { DecisionInputsQuery } from '../ports/invoice-sync-store';
import { invoiceSyncKeyBase, RedisInvoiceSyncStore } from './redis-invoice-sync-store';

const prefix = `t${Date.now()}.invstore.`;
const usd150 = { amount: Decimal.parse('150.00'), currency: 'USD' };

type EarlierQuery = Omit<DecisionInputsQuery, 'poNumber'>;
/** The earlier invoices a decision would read (no PO: only the duplicate lookups matter). */
const earlierOf = async (store: RedisInvoiceSyncStore, query: EarlierQuery) => (await store.decisionInputs({ ...query, poNumber: null })).earlierInvoices;
/** What invoices other than `excluding` billed on the PO's lines, as a decision would read it. */
const invoicedOf = async (store: RedisInvoiceSyncStore, poNumber: string, excluding: string) =>
  (await store.decisionInputs({ poNumber, invoiceId: excluding, supplierId: 'SUP-NONE', businessKey: 'k-none', invoiceDate: '2026-03-10', windowDays: 30, total: usd150 })).alreadyInvoiced;

function record(invoiceId: string, number: string, invoiceDate = '2026-03-05', overrides: Record<string, unknown> = {}) {
  const parsed = parseApInvoiceRecord(apInvoiceJson({ invoiceId, supplierInvoiceNumber: number, invoiceDate, ...overrides }));
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
    const earlier = await earlierOf(a, { invoiceId: 'AP-9', supplierId: 'SUP-MEDLINE', businessKey: 'k-2', invoiceDate: '2026-03-10', windowDays: 30, total: usd150 });
    expect(earlier.map((e) => e.invoiceId).sort()).toEqual(['AP-1', 'AP-2', 'AP-W']); // AP-W: the first spec's invoice, same supplier and dates
    const nearOnly = await earlierOf(a, { invoiceId: 'AP-9', supplierId: 'SUP-MEDLINE', businessKey: 'k-none', invoiceDate: '2026-03-10', windowDays: 30, total: usd150 });
    expect(nearOnly.map((e) => e.invoiceId).sort()).toEqual(['AP-1', 'AP-W']);
  });

  it('near candidates › only invoices of the same total and currency, and those indexed by supplier alone before the index by amount', async () => {
    await a.saveInvoice({ record: record('AP-C1', 'C-1', '2026-03-05', { currency: 'CAD' }), businessKey: 'k-c1', billed: [], waiting: null });
    await a.saveInvoice({ record: record('AP-L1', 'L-1', '2026-03-05', { currency: 'EUR' }), businessKey: 'k-l1', billed: [], waiting: null });
    await redis.zadd(`p2p:invoice-sync:v1:${prefix}:by-supplier:SUP-MEDLINE`, 20517, 'AP-L1'); // as an earlier version indexed it
    const query = { invoiceId: 'AP-9', supplierId: 'SUP-MEDLINE', businessKey: 'k-none', invoiceDate: '2026-03-10', windowDays: 30 };
    const usd = await earlierOf(a, { ...query, total: { amount: Decimal.parse('150'), currency: 'usd' } });
    expect(usd.map((e) => e.invoiceId).sort()).toEqual(['AP-1', 'AP-L1', 'AP-W']);
    const cad = await earlierOf(a, { ...query, total: { amount: Decimal.parse('150.0'), currency: 'CAD' } });
    expect(cad.map((e) => e.invoiceId).sort()).toEqual(['AP-C1', 'AP-L1']);
    expect(await earlierOf(a, { ...query, total: { amount: Decimal.parse('151.00'), currency: 'USD' } })).toEqual([expect.objectContaining({ invoiceId: 'AP-L1' })]);
  });

  it('invoiced quantities › summed per PO line across invoices, the asking invoice left out, rewrites idempotent', async () => {
    const billed = (qty: string) => [{ poNumber: 'PO-Q', poLineNumber: 1, quantity: Decimal.parse(qty) }];
    await a.saveInvoice({ record: record('AP-Q1', 'Q-1'), businessKey: 'k-q1', billed: billed('2.5'), waiting: null });
    await a.saveInvoice({ record: record('AP-Q1', 'Q-1'), businessKey: 'k-q1', billed: billed('2.5'), waiting: null });
    await b.saveInvoice({ record: record('AP-Q2', 'Q-2'), businessKey: 'k-q2', billed: billed('1.25'), waiting: null });
    expect((await invoicedOf(a, 'PO-Q', 'none')).map((q) => q.quantity.toString())).toEqual(['3.75']);
    expect((await invoicedOf(a, 'PO-Q', 'AP-Q2')).map((q) => q.quantity.toString())).toEqual(['2.5']);
  });
});

/** Every key of a topic prefix with its whole value (sets sorted, sorted sets as member → score), keyed without the prefix. */
async function keyState(redis: Redis, topicPrefix: string): Promise<Record<string, unknown>> {
  const base = invoiceSyncKeyBase(topicPrefix);
  const keys = (await redis.keys(`${base}*`)).sort();
  const state: Record<string, unknown> = {};
  for (const key of keys) {
    const type = await redis.type(key);
    const name = key.slice(base.length);
    if (type === 'string') state[name] = await redis.get(key);
    else if (type === 'hash') state[name] = await redis.hgetall(key);
    else if (type === 'set') state[name] = (await redis.smembers(key)).sort();
    else if (type === 'zset') {
      const flat = await redis.zrange(key, 0, -1, 'WITHSCORES');
      const scores: Record<string, string> = {};
      for (let i = 0; i < flat.length; i += 2) scores[flat[i] as string] = flat[i + 1] as string;
      state[name] = scores;
    } else state[name] = `unexpected type ${type}`;
  }
  return state;
}

describe('RedisInvoiceSyncStore.saveInvoice › the whole resulting key state', () => {
  const statePrefix = `t${Date.now()}.invstate.`;
  const day = '20517'; // epoch day of 2026-03-05, the near-index score
  let redis: Redis;
  let store: RedisInvoiceSyncStore;

  beforeAll(() => {
    redis = new Redis(stackEndpoints().redisUrl);
    store = new RedisInvoiceSyncStore(redis, statePrefix);
  });

  beforeEach(async () => {
    await store.clear();
  });

  afterAll(async () => {
    await store.clear();
    await redis.quit();
  });

  const waitingEntry = (invoiceId: string) => ({
    invoiceId,
    poNumber: 'PO-1001',
    until: new Date('2026-03-07T09:30:00.000Z'),
    shortfalls: [
      {
        poLineNumber: 1,
        invoiceLineNumbers: [1],
        ordered: Decimal.parse('10'),
        received: Decimal.parse('4.50'),
        previouslyInvoiced: Decimal.parse('0'),
        invoiced: Decimal.parse('10'),
        cumulative: Decimal.parse('10'),
        receiptLimit: Decimal.parse('4.725'),
        orderLimit: Decimal.parse('10.5'),
      },
    ],
    decidedAt: new Date('2026-03-05T09:31:00.000Z'),
  });

  it('a waiting invoice › record, exact key, supplier index, waiting deadline, waiting info and the PO waiting set', async () => {
    const rec = record('AP-S1', 'S-1');
    const waiting = waitingEntry('AP-S1');
    await store.saveInvoice({ record: rec, businessKey: 'k-s1', billed: [], waiting });
    expect(await keyState(redis, statePrefix)).toEqual({
      'invoice:AP-S1': toJson(rec),
      'exact:k-s1': 'AP-S1',
      'near:SUP-MEDLINE:USD:150': { 'AP-S1': day },
      waiting: { 'AP-S1': String(Date.parse('2026-03-07T09:30:00.000Z')) },
      'waiting-info': { 'AP-S1': toJson(waiting) },
      'waiting-po:PO-1001': ['AP-S1'],
    });
    expect(await redis.hgetall(`${invoiceSyncKeyBase(statePrefix)}invoiced:PO-1001`)).toEqual({});
  });

  it('the same invoice claimed, then saved not waiting › waiting structures emptied, claim removed, other waiting invoices kept', async () => {
    const rec = record('AP-S1', 'S-1');
    const other = waitingEntry('AP-S0');
    await store.saveInvoice({ record: record('AP-S0', 'S-0'), businessKey: 'k-s0', billed: [], waiting: other });
    await store.saveInvoice({ record: rec, businessKey: 'k-s1', billed: [], waiting: waitingEntry('AP-S1') });
    expect(await store.claimWaiting('AP-S1')).toBe(true);
    expect(Object.keys((await keyState(redis, statePrefix))['claimed'] as object)).toEqual(['AP-S1']);

    await store.saveInvoice({ record: rec, businessKey: 'k-s1', billed: [], waiting: null });
    expect(await keyState(redis, statePrefix)).toEqual({
      'invoice:AP-S0': toJson(record('AP-S0', 'S-0')),
      'invoice:AP-S1': toJson(rec),
      'exact:k-s0': 'AP-S0',
      'exact:k-s1': 'AP-S1',
      'near:SUP-MEDLINE:USD:150': { 'AP-S0': day, 'AP-S1': day },
      waiting: { 'AP-S0': String(Date.parse('2026-03-07T09:30:00.000Z')) },
      'waiting-info': { 'AP-S0': toJson(other) },
      'waiting-po:PO-1001': ['AP-S0'],
    });

    await store.saveInvoice({ record: record('AP-S0', 'S-0'), businessKey: 'k-s0', billed: [], waiting: null });
    const state = await keyState(redis, statePrefix);
    expect(Object.keys(state).sort()).toEqual(['exact:k-s0', 'exact:k-s1', 'invoice:AP-S0', 'invoice:AP-S1', 'near:SUP-MEDLINE:USD:150']);
  });

  it('a matched invoice with 2 billed lines › quantities kept as the decimal strings given, per invoice and line; a rewrite changes nothing', async () => {
    const rec = record('AP-M', 'M-1');
    const billed = [
      { poNumber: 'PO-1001', poLineNumber: 1, quantity: Decimal.parse('10.000') },
      { poNumber: 'PO-1001', poLineNumber: 3, quantity: Decimal.parse('0.1') },
    ];
    await store.saveInvoice({ record: rec, businessKey: 'k-m', billed, waiting: null });
    const expected = {
      'invoice:AP-M': toJson(rec),
      'exact:k-m': 'AP-M',
      'near:SUP-MEDLINE:USD:150': { 'AP-M': day },
      'invoiced:PO-1001': { 'AP-M|1': '10.000', 'AP-M|3': '0.1' },
    };
    expect(await keyState(redis, statePrefix)).toEqual(expected);
    await store.saveInvoice({ record: rec, businessKey: 'k-m', billed, waiting: null });
    expect(await keyState(redis, statePrefix)).toEqual(expected);
  });

  it('the exact key is set only if absent › a second invoice with the same business key does not take it', async () => {
    await store.saveInvoice({ record: record('AP-X1', 'X-1'), businessKey: 'k-x', billed: [], waiting: null });
    await store.saveInvoice({ record: record('AP-X2', 'X-1', '2026-03-06'), businessKey: 'k-x', billed: [], waiting: null });
    expect(await keyState(redis, statePrefix)).toEqual({
      'invoice:AP-X1': toJson(record('AP-X1', 'X-1')),
      'invoice:AP-X2': toJson(record('AP-X2', 'X-1', '2026-03-06')),
      'exact:k-x': 'AP-X1',
      'near:SUP-MEDLINE:USD:150': { 'AP-X1': day, 'AP-X2': '20518' },
    });
    expect(await store.claimBusinessKey('k-x', 'AP-X2')).toBe('AP-X1');
  });

  it('an invoice without a PO number › only its record, exact key and supplier index; no PO key touched', async () => {
    const rec = record('AP-N', 'N-1', '2026-03-05', { poNumber: null });
    expect(rec.invoice.poNumber).toBeNull();
    await store.saveInvoice({ record: rec, businessKey: 'k-n', billed: [], waiting: null });
    expect(await keyState(redis, statePrefix)).toEqual({
      'invoice:AP-N': toJson(rec),
      'exact:k-n': 'AP-N',
      'near:SUP-MEDLINE:USD:150': { 'AP-N': day },
    });
  });
});

describe('RedisInvoiceSyncStore.decisionInputs › one script and one MGET answer everything a decision reads', () => {
  const decisionPrefix = `t${Date.now()}.invdecide.`;
  const base = invoiceSyncKeyBase(decisionPrefix);
  let redis: Redis;
  let store: RedisInvoiceSyncStore;

  const billed = (...lines: Array<[number, string]>) => lines.map(([poLineNumber, qty]) => ({ poNumber: 'PO-D', poLineNumber, quantity: Decimal.parse(qty) }));
  const withPo = { poNumber: 'PO-D', invoiceId: 'AP-D0', supplierId: 'SUP-MEDLINE', businessKey: 'k-d3', invoiceDate: '2026-03-10', windowDays: 30, total: usd150 };
  const noPo = { poNumber: null, invoiceId: 'AP-N0', supplierId: 'SUP-UNKNOWN', businessKey: 'k-d1', invoiceDate: '2026-03-10', windowDays: 30, total: usd150 };

  beforeAll(async () => {
    redis = new Redis(stackEndpoints().redisUrl);
    store = new RedisInvoiceSyncStore(redis, decisionPrefix);
    await store.clear();
    await store.saveSupplier('SUP-MEDLINE', { status: 'ON_HOLD', paymentsHeldOnly: true });
    await store.savePurchaseOrder({
      poNumber: 'PO-D',
      supplierId: 'SUP-MEDLINE',
      status: 'OPEN',
      currency: 'USD',
      revision: 3,
      lines: [
        { lineNumber: 1, quantity: Decimal.parse('10'), unitPrice: { amount: Decimal.parse('12.50'), currency: 'USD' } },
        { lineNumber: 2, quantity: Decimal.parse('1.5'), unitPrice: { amount: Decimal.parse('15.00'), currency: 'USD' } },
      ],
    });
    // Receipts saved out of receipt-id order.
    await store.saveReceipt({ receiptId: 'GR-2', poNumber: 'PO-D', lines: [{ poLineNumber: 2, quantity: Decimal.parse('-0.5') }] });
    await store.saveReceipt({ receiptId: 'GR-1', poNumber: 'PO-D', lines: [{ poLineNumber: 1, quantity: Decimal.parse('4.50') }] });
    // Two other invoices billed the PO, and so did the asking one (a rematch finds its own quantities): those are left out.
    await store.saveInvoice({ record: record('AP-D1', 'D-1', '2026-03-05'), businessKey: 'k-d1', billed: billed([1, '2.5'], [2, '0.1']), waiting: null });
    await store.saveInvoice({ record: record('AP-D2', 'D-2', '2026-03-20'), businessKey: 'k-d2', billed: billed([1, '1.25']), waiting: null });
    await store.saveInvoice({ record: record('AP-D0', 'D-0', '2026-03-10'), businessKey: 'k-d0', billed: billed([1, '100'], [2, '7']), waiting: null });
    // The exact key's holder, dated outside the window (so found by the exact key alone); another currency (no near candidate).
    await store.saveInvoice({ record: record('AP-D3', 'D-3', '2026-01-01'), businessKey: 'k-d3', billed: [], waiting: null });
    await store.saveInvoice({ record: record('AP-D4', 'D-4', '2026-03-06', { currency: 'CAD' }), businessKey: 'k-d4', billed: [], waiting: null });
    // The legacy by-supplier index: one invoice only there (EUR), one also near (AP-D1), the asking one; a near id without a record.
    await store.saveInvoice({ record: record('AP-L', 'L-1', '2026-03-06', { currency: 'EUR' }), businessKey: 'k-l', billed: [], waiting: null });
    await redis.zadd(`${base}by-supplier:SUP-MEDLINE`, 20518, 'AP-L', 20517, 'AP-D1', 20522, 'AP-D0');
    await redis.zadd(`${base}near:SUP-MEDLINE:USD:150`, 20520, 'AP-GONE');
  });

  afterAll(async () => {
    await store.clear();
    await redis.quit();
  });

  it('an invoice with a PO › the same supplier, PO, receipts by id, invoiced sums without itself and earlier invoices', async () => {
    const inputs = await store.decisionInputs(withPo);
    expect(inputs.supplier).toEqual({ status: 'ON_HOLD', paymentsHeldOnly: true });
    expect(inputs.purchaseOrder).toStrictEqual(await store.purchaseOrder('PO-D'));
    expect(inputs.purchaseOrder?.revision).toBe(3);
    expect(inputs.receipts.map((r) => [r.receiptId, r.lines.map((l) => l.quantity.toString())])).toEqual([
      ['GR-1', ['4.50']],
      ['GR-2', ['-0.5']],
    ]);
    expect(inputs.alreadyInvoiced.map((q) => [q.poNumber, q.poLineNumber, q.quantity.toString()])).toEqual([
      ['PO-D', 1, '3.75'],
      ['PO-D', 2, '0.1'],
    ]);
    expect(inputs.alreadyInvoiced[0]?.quantity).toBeInstanceOf(Decimal);
    expect(inputs.earlierInvoices.map((e) => e.invoiceId)).toEqual(['AP-D3', 'AP-D1', 'AP-D2', 'AP-L']);
    expect(inputs.earlierInvoices[1]).toEqual({ invoiceId: 'AP-D1', supplierId: 'SUP-MEDLINE', invoiceNumber: 'D-1', invoiceDate: '2026-03-05', total: usd150 });
  });

  it('an invoice without a PO number › no PO, no receipts, nothing invoiced; unknown supplier null; earlier invoices still read', async () => {
    expect(await store.decisionInputs(noPo)).toEqual({ supplier: null, purchaseOrder: null, receipts: [], alreadyInvoiced: [], earlierInvoices: [expect.objectContaining({ invoiceId: 'AP-D1' })] });
  });

  it('Redis commands › one EVALSHA, then one MGET only when there are earlier-invoice candidates', async () => {
    await store.decisionInputs(withPo); // the script is loaded (EVALSHA answers NOSCRIPT only the first time)
    const sent = jest.spyOn(redis, 'sendCommand');
    try {
      await store.decisionInputs(withPo);
      await store.decisionInputs({ ...noPo, businessKey: 'k-none' });
      expect(sent.mock.calls.map(([command]) => command.name)).toEqual(['evalsha', 'mget', 'evalsha']);
    } finally {
      sent.mockRestore();
    }
    expect(await store.decisionInputs({ ...noPo, businessKey: 'k-none' })).toStrictEqual({ supplier: null, purchaseOrder: null, receipts: [], alreadyInvoiced: [], earlierInvoices: [] });
    expect(await redis.exists(`${base}unused`)).toBe(0);
  });
});
