import { redisScript, type RedisScript } from '@procurelink/service-host';
import type { Redis } from 'ioredis';
import type { EarlierInvoice, InvoicedQuantity, ReceiptView, SupplierStanding } from '../domain';
import type { InvoiceRecord, StoredPurchaseOrder, WaitingEntry } from '../projection/invoice-state';
import { invoiceRecordFromJson, purchaseOrderFromJson, receiptFromJson, toJson, waitingFromJson } from '../projection/state-json';
import { Decimal, type Money } from '@procurelink/canonical-schemas';
import type { DecisionInputs, DecisionInputsQuery, EarlierInvoiceQuery, InvoiceSyncStore, InvoiceWrite } from '../ports/invoice-sync-store';
import { nearIndexAmount } from './near-duplicate-index';

const MS_PER_DAY = 86_400_000;
/** How long a claimed waiting invoice may be under review before another instance may take it again. */
const CLAIM_LEASE_MS = 60_000;

/** Moves a waiting invoice to the claimed set (with its lease) only if it is still waiting: 1 for exactly one caller. */
const CLAIM_SCRIPT = `
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then return 0 end
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1`;

/** Gives claims whose lease ran out (their reviewer died) back to the waiting set, due at once. */
const RECOVER_SCRIPT = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[2], id)
  redis.call('ZADD', KEYS[1], ARGV[1], id)
end
return #ids`;

// KEYS: 1 invoice:<id>, 2 exact:<businessKey>, 3 near:<supplierId>:<currency>:<amount>, 4 claimed, 5 invoiced:<billed PO>,
//       6 waiting, 7 waiting-info, 8 waiting-po:<PO>. Keys 5 and 8 are a placeholder (never touched) when not needed.
// ARGV: 1 invoice id, 2 record JSON, 3 epoch day, 4 '1' when it waits, 5 waiting deadline (ms), 6 waiting JSON,
//       7 '1' when KEYS[8] is a real PO's waiting set, 8.. billed `<id>|<line>`/quantity pairs (decimal strings, stored as given).
/** Writes an invoice: record, exact key (only if absent), indexes, billed quantities, waiting entry or its removal; ends a claim. */
const SAVE_INVOICE_SCRIPT = `
local id = ARGV[1]
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], id, 'NX')
redis.call('ZADD', KEYS[3], ARGV[3], id)
redis.call('ZREM', KEYS[4], id)
for i = 8, #ARGV, 2 do redis.call('HSET', KEYS[5], ARGV[i], ARGV[i + 1]) end
if ARGV[4] == '1' then
  redis.call('ZADD', KEYS[6], ARGV[5], id)
  redis.call('HSET', KEYS[7], id, ARGV[6])
  redis.call('SADD', KEYS[8], id)
else
  redis.call('ZREM', KEYS[6], id)
  redis.call('HDEL', KEYS[7], id)
  if ARGV[7] == '1' then redis.call('SREM', KEYS[8], id) end
end
return 1`;

// KEYS: 1 suppliers, 2 po:<PO>, 3 receipts:<PO>, 4 invoiced:<PO>, 5 exact:<businessKey>, 6 near:<supplierId>:<currency>:<amount>,
//       7 by-supplier:<supplierId>. Keys 2-4 are a placeholder (never touched) when the invoice has no PO number.
// ARGV: 1 supplier id, 2 invoice id (never a candidate), 3 window start (epoch day), 4 window end, 5 '1' when keys 2-4 are a real PO's.
// Reply (flat): 1 supplier JSON or nil, 2 PO JSON or nil, 3 n = length of the receipts' HGETALL, 4..3+n its field/value pairs,
//       4+n m = length of the invoiced quantities' HGETALL, then its m field/value pairs, then the earlier-invoice candidate ids
//       (exact holder, near, by-supplier; first occurrence kept, the invoice itself left out). A missing GET/HGET is false in
//       Lua, which Redis replies as nil (a Lua nil would end the table). The texts of the candidates are not read here: their
//       keys are known only inside the script, and a script may touch only the keys it is given.
/** Reads everything an invoice's decision needs but the earlier invoices' texts, in one command. */
const DECISION_INPUTS_SCRIPT = `
local reply = { redis.call('HGET', KEYS[1], ARGV[1]) }
local receipts, invoiced = {}, {}
if ARGV[5] == '1' then
  reply[2] = redis.call('GET', KEYS[2])
  receipts = redis.call('HGETALL', KEYS[3])
  invoiced = redis.call('HGETALL', KEYS[4])
else
  reply[2] = false
end
reply[3] = #receipts
for _, value in ipairs(receipts) do reply[#reply + 1] = value end
reply[#reply + 1] = #invoiced
for _, value in ipairs(invoiced) do reply[#reply + 1] = value end
local seen = { [ARGV[2]] = true }
local function candidate(id)
  if not seen[id] then
    seen[id] = true
    reply[#reply + 1] = id
  end
end
local exact = redis.call('GET', KEYS[5])
if exact then candidate(exact) end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[6], ARGV[3], ARGV[4])) do candidate(id) end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[7], ARGV[3], ARGV[4])) do candidate(id) end
return reply`;

/** The Redis key space of invoice-sync for one topic prefix: `p2p:invoice-sync:v1:<prefix>:…`. */
export function invoiceSyncKeyBase(topicPrefix: string): string {
  return `p2p:invoice-sync:v1:${topicPrefix}:`;
}

/**
 * invoice-sync's state in Redis. Values are JSON (decimal strings); an invoice is written by one
 * Lua script, atomically (record, duplicate keys, billed quantities, waiting entry). Invoiced
 * quantities are kept per invoice and PO line (`<invoiceId>|<line>` fields) and summed on read, so
 * concurrent invoices of one PO never lose an update and re-writing one invoice changes nothing.
 */
export class RedisInvoiceSyncStore implements InvoiceSyncStore {
  private readonly base: string;
  private readonly saveInvoiceScript: RedisScript;
  private readonly decisionInputsScript: RedisScript;
  private readonly claimScript: RedisScript;
  private readonly recoverScript: RedisScript;

  constructor(
    private readonly redis: Redis,
    topicPrefix: string,
  ) {
    this.base = invoiceSyncKeyBase(topicPrefix);
    this.saveInvoiceScript = redisScript(redis, 'invoiceSyncSaveInvoice', 8, SAVE_INVOICE_SCRIPT);
    this.decisionInputsScript = redisScript(redis, 'invoiceSyncDecisionInputs', 7, DECISION_INPUTS_SCRIPT);
    this.claimScript = redisScript(redis, 'invoiceSyncClaimWaiting', 2, CLAIM_SCRIPT);
    this.recoverScript = redisScript(redis, 'invoiceSyncRecoverClaims', 2, RECOVER_SCRIPT);
  }

  private key(...parts: string[]): string {
    return this.base + parts.join(':');
  }

  /** The near-duplicate candidates of a supplier and total, scored by invoice date (epoch day). */
  private nearKey(supplierId: string, total: Money): string {
    return this.key('near', supplierId, nearIndexAmount(total));
  }

  async purchaseOrder(poNumber: string): Promise<StoredPurchaseOrder | null> {
    return purchaseOrderFrom(await this.redis.get(this.key('po', poNumber)));
  }

  async savePurchaseOrder(po: StoredPurchaseOrder): Promise<void> {
    await this.redis.multi().set(this.key('po', po.poNumber), toJson(po)).hset(this.key('po-touched'), po.poNumber, Date.now()).exec();
  }

  async saveReceipt(receipt: ReceiptView): Promise<void> {
    await this.redis
      .multi()
      .hset(this.key('receipts', receipt.poNumber), receipt.receiptId, toJson(receipt))
      .hset(this.key('po-touched'), receipt.poNumber, Date.now())
      .exec();
  }

  async supplier(supplierId: string): Promise<SupplierStanding | null> {
    return supplierFrom(await this.redis.hget(this.key('suppliers'), supplierId));
  }

  async saveSupplier(supplierId: string, standing: SupplierStanding): Promise<void> {
    await this.redis.hset(this.key('suppliers'), supplierId, toJson(standing));
  }

  async invoice(invoiceId: string): Promise<InvoiceRecord | null> {
    const text = await this.redis.get(this.key('invoice', invoiceId));
    return text === null ? null : invoiceRecordFromJson(text);
  }

  /** The candidates' invoices (one MGET; none when there are no candidates); those without a record are left out. */
  private async earlierInvoicesOf(ids: readonly string[]): Promise<EarlierInvoice[]> {
    if (ids.length === 0) return [];
    const texts = await this.redis.mget(ids.map((id) => this.key('invoice', id)));
    return texts.flatMap((text) => (text === null ? [] : [earlierInvoiceFrom(text)]));
  }

  /**
   * Invoices saved before the index by amount: every invoice of the supplier, by date. Read, never
   * written any more, so it answers nothing once the window has passed over its last entry.
   */
  private legacyKey(supplierId: string): string {
    return this.key('by-supplier', supplierId);
  }

  /** One EVALSHA (DECISION_INPUTS_SCRIPT) for all but the earlier invoices' texts, then one MGET for those when there are candidates. */
  async decisionInputs(query: DecisionInputsQuery): Promise<DecisionInputs> {
    const { poNumber } = query;
    const [from, to] = dayWindow(query);
    const unused = this.key('unused'); // a well-formed key the script is told not to touch
    const reply = await this.decisionInputsScript(
      [
        this.key('suppliers'),
        poNumber === null ? unused : this.key('po', poNumber),
        poNumber === null ? unused : this.key('receipts', poNumber),
        poNumber === null ? unused : this.key('invoiced', poNumber),
        this.key('exact', query.businessKey),
        this.nearKey(query.supplierId, query.total),
        this.legacyKey(query.supplierId),
      ],
      [query.supplierId, query.invoiceId, String(from), String(to), poNumber === null ? '0' : '1'],
    );
    const { supplier, purchaseOrder, receipts, invoiced, candidates } = decodeDecisionReply(reply);
    return {
      supplier: supplierFrom(supplier),
      purchaseOrder: purchaseOrderFrom(purchaseOrder),
      receipts: receiptsFrom(receipts),
      alreadyInvoiced: poNumber === null ? [] : invoicedFrom(poNumber, invoiced, query.invoiceId),
      earlierInvoices: await this.earlierInvoicesOf(candidates),
    };
  }

  async claimBusinessKey(businessKey: string, invoiceId: string): Promise<string> {
    const key = this.key('exact', businessKey);
    const set = await this.redis.set(key, invoiceId, 'NX');
    if (set === 'OK') return invoiceId;
    return (await this.redis.get(key)) ?? invoiceId;
  }

  async saveInvoice(write: InvoiceWrite): Promise<void> {
    const { invoice } = write.record;
    const id = invoice.invoiceId;
    const billedPo = write.billed[0]?.poNumber ?? null;
    if (write.billed.some((billed) => billed.poNumber !== billedPo)) throw new Error(`invoice ${id} bills lines of more than one PO`);
    const waitingPo = write.waiting?.poNumber ?? invoice.poNumber;
    const unused = this.key('unused'); // a well-formed key the script is told not to touch
    await this.saveInvoiceScript(
      [
        this.key('invoice', id),
        this.key('exact', write.businessKey),
        this.nearKey(invoice.supplierId, invoice.totalAmount),
        this.key('claimed'),
        billedPo === null ? unused : this.key('invoiced', billedPo),
        this.key('waiting'),
        this.key('waiting-info'),
        waitingPo === null ? unused : this.key('waiting-po', waitingPo),
      ],
      [
        id,
        toJson(write.record),
        String(epochDay(invoice.invoiceDate)),
        write.waiting === null ? '0' : '1',
        write.waiting === null ? '' : String(write.waiting.until.getTime()),
        write.waiting === null ? '' : toJson(write.waiting),
        waitingPo === null ? '0' : '1',
        ...write.billed.flatMap((billed) => [`${id}|${billed.poLineNumber}`, billed.quantity.toString()]),
      ],
    );
  }

  async waiting(invoiceId: string): Promise<WaitingEntry | null> {
    const text = await this.redis.hget(this.key('waiting-info'), invoiceId);
    return text === null ? null : waitingFromJson(text);
  }

  async waitingOn(poNumber: string): Promise<string[]> {
    return (await this.redis.smembers(this.key('waiting-po', poNumber))).sort();
  }

  async listWaiting(limit: number): Promise<WaitingEntry[]> {
    const ids = await this.redis.zrange(this.key('waiting'), 0, limit - 1);
    if (ids.length === 0) return [];
    const texts = await this.redis.hmget(this.key('waiting-info'), ...ids);
    return texts.flatMap((text) => (text === null ? [] : [waitingFromJson(text)]));
  }

  async poTouchedAt(poNumbers: readonly string[]): Promise<Map<string, number>> {
    const unique = [...new Set(poNumbers)];
    if (unique.length === 0) return new Map();
    const values = await this.redis.hmget(this.key('po-touched'), ...unique);
    return new Map(unique.flatMap((po, i) => (values[i] == null ? [] : [[po, Number(values[i])] as [string, number]])));
  }

  async claimWaiting(invoiceId: string): Promise<boolean> {
    const claimed = await this.claimScript([this.key('waiting'), this.key('claimed')], [invoiceId, String(Date.now() + CLAIM_LEASE_MS)]);
    return claimed === 1;
  }

  async returnWaiting(entry: WaitingEntry): Promise<void> {
    await exec(this.redis.multi().zrem(this.key('claimed'), entry.invoiceId).zadd(this.key('waiting'), entry.until.getTime(), entry.invoiceId));
  }

  async recoverExpiredClaims(): Promise<number> {
    return Number(await this.recoverScript([this.key('waiting'), this.key('claimed')], [String(Date.now())]));
  }

  async clear(): Promise<number> {
    let cursor = '0';
    let deleted = 0;
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.base}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await this.redis.unlink(...keys);
    } while (cursor !== '0');
    return deleted;
  }
}

async function exec(tx: ReturnType<Redis['multi']>): Promise<void> {
  const results = await tx.exec();
  const failed = results?.find(([error]) => error !== null);
  if (failed) throw failed[0] as Error;
}

function epochDay(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

/** The near-duplicate window around the invoice date, in epoch days (both ends included). */
function dayWindow(query: EarlierInvoiceQuery): [number, number] {
  const day = epochDay(query.invoiceDate);
  return [day - query.windowDays, day + query.windowDays];
}

// Reply → value conversions, shared by the single-purpose reads and decisionInputs.

function supplierFrom(text: string | null): SupplierStanding | null {
  return text === null ? null : (JSON.parse(text) as SupplierStanding);
}

function purchaseOrderFrom(text: string | null): StoredPurchaseOrder | null {
  return text === null ? null : purchaseOrderFromJson(text);
}

/** A PO's receipts hash (receipt id → JSON), sorted by receipt id. */
function receiptsFrom(entries: ReadonlyArray<readonly [string, string]>): ReceiptView[] {
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, text]) => receiptFromJson(text));
}

/** A PO's invoiced hash (`<invoiceId>|<line>` → decimal string), summed per line as Decimal without the given invoice. */
function invoicedFrom(poNumber: string, entries: ReadonlyArray<readonly [string, string]>, excludingInvoiceId: string): InvoicedQuantity[] {
  const byLine = new Map<number, Decimal>();
  for (const [field, quantity] of entries) {
    const split = field.lastIndexOf('|');
    if (field.slice(0, split) === excludingInvoiceId) continue;
    const line = Number(field.slice(split + 1));
    byLine.set(line, (byLine.get(line) ?? Decimal.zero()).add(Decimal.parse(quantity)));
  }
  return [...byLine].map(([poLineNumber, quantity]) => ({ poNumber, poLineNumber, quantity }));
}

function earlierInvoiceFrom(text: string): EarlierInvoice {
  const { invoice } = invoiceRecordFromJson(text);
  return {
    invoiceId: invoice.invoiceId,
    supplierId: invoice.supplierId,
    invoiceNumber: invoice.supplierInvoiceNumber,
    invoiceDate: invoice.invoiceDate,
    total: invoice.totalAmount,
  };
}

interface DecisionReply {
  readonly supplier: string | null;
  readonly purchaseOrder: string | null;
  readonly receipts: Array<[string, string]>;
  readonly invoiced: Array<[string, string]>;
  readonly candidates: string[];
}

/** Splits DECISION_INPUTS_SCRIPT's flat reply (layout above the script); throws on any other shape. */
function decodeDecisionReply(reply: unknown): DecisionReply {
  if (!Array.isArray(reply)) throw new Error('decision inputs: the script did not answer an array');
  const items = reply as unknown[];
  const nullable = (i: number): string | null => {
    const value = items[i];
    if (value === null || typeof value === 'string') return value;
    throw new Error(`decision inputs: element ${i} is not a string or nil`);
  };
  const text = (i: number): string => nullable(i) ?? fail(`decision inputs: element ${i} is nil`);
  /** The field/value pairs counted at `countAt`, and where what follows them starts. */
  const pairs = (countAt: number): [Array<[string, string]>, number] => {
    const count = items[countAt];
    const end = countAt + 1 + (count as number);
    if (typeof count !== 'number' || count % 2 !== 0 || end > items.length) throw new Error(`decision inputs: bad count at ${countAt}`);
    const result: Array<[string, string]> = [];
    for (let i = countAt + 1; i < end; i += 2) result.push([text(i), text(i + 1)]);
    return [result, end];
  };
  const [receipts, invoicedAt] = pairs(2);
  const [invoiced, candidatesAt] = pairs(invoicedAt);
  const candidates: string[] = [];
  for (let i = candidatesAt; i < items.length; i++) candidates.push(text(i));
  return { supplier: nullable(0), purchaseOrder: nullable(1), receipts, invoiced, candidates };
}

function fail(message: string): never {
  throw new Error(message);
}
