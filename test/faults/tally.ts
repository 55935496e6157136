import type { Expected, PoisonRecord } from './workload';

/** What the ERP ledger, the canonical topics and the dead-letter topics say about a run. Pure. */
export interface Observed {
  readonly ledger: ReadonlyArray<{ readonly kind: string; readonly businessKey: string; readonly subjectId: string }>;
  /** Receipt ids of the GoodsReceived events on p2p.purchase-order.v1. */
  readonly receiptsPublished: readonly string[];
  /** Supplier ids of the SupplierSynced events on p2p.supplier.v1. */
  readonly suppliersPublished: readonly string[];
  readonly deadLetters: ReadonlyArray<{ readonly service: string; readonly key: string | undefined; readonly code: string | undefined; readonly message: string }>;
}

export interface Tally {
  readonly expectedEffects: number;
  /** Expected effects that never happened, by kind, with up to ten examples each. */
  readonly lost: Readonly<Record<string, { count: number; examples: string[] }>>;
  /** Business keys the ERP accepted more than once. */
  readonly duplicated: { count: number; examples: string[] };
  /** Ledger entries of this run nobody asked for (kind/businessKey). */
  readonly unexpected: { count: number; examples: string[] };
  readonly deadLettered: number;
  readonly poisonDeadLettered: number;
  /** Poison records not on their service's dead-letter topic with INVALID_INPUT and a reason. */
  readonly poisonMissing: { count: number; examples: string[] };
  /** Dead letters that are not poison records: valid events that ended up there. */
  readonly strayDeadLetters: { count: number; examples: string[] };
  readonly lostTotal: number;
}

const LEDGER_KINDS = { encumbrances: 'ENCUMBRANCE', apInvoices: 'AP_INVOICE', payments: 'PAYMENT_STATUS' } as const;

function sample(items: readonly string[]): { count: number; examples: string[] } {
  return { count: items.length, examples: items.slice(0, 10) };
}

export function tally(expected: Expected, observed: Observed, poison: readonly PoisonRecord[], isOurs: (businessKey: string) => boolean): Tally {
  const counts = new Map<string, number>();
  for (const entry of observed.ledger) {
    if (entry.kind === 'VENDOR_UPSERT') continue;
    const id = `${entry.kind} ${entry.businessKey}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const lost: Record<string, { count: number; examples: string[] }> = {};
  const wanted = new Set<string>();
  for (const [field, kind] of Object.entries(LEDGER_KINDS) as Array<[keyof typeof LEDGER_KINDS, string]>) {
    const keys = expected[field];
    keys.forEach((key) => wanted.add(`${kind} ${key}`));
    lost[field] = sample(keys.filter((key) => !counts.has(`${kind} ${key}`)));
  }
  const receipts = new Set(observed.receiptsPublished);
  lost['receipts'] = sample(expected.receipts.filter((id) => !receipts.has(id)));
  const suppliers = new Set(observed.suppliersPublished);
  lost['suppliers'] = sample(expected.suppliers.filter((id) => !suppliers.has(id)));

  const duplicated = [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
  const unexpected = [...counts.keys()].filter((id) => !wanted.has(id) && isOurs(id.slice(id.indexOf(' ') + 1)));

  const poisonByKey = new Map(poison.map((p) => [p.key, p]));
  const found = new Set<string>();
  const stray: string[] = [];
  for (const letter of observed.deadLetters) {
    const planted = letter.key === undefined ? undefined : poisonByKey.get(letter.key);
    if (planted && planted.service === letter.service && letter.code === 'INVALID_INPUT' && letter.message !== '') found.add(planted.key);
    else stray.push(`${letter.service} ${letter.key ?? '(no key)'} ${letter.code ?? '(no code)'}: ${letter.message.slice(0, 160)}`);
  }
  const lostTotal = Object.values(lost).reduce((sum, l) => sum + l.count, 0);
  return {
    expectedEffects: Object.values(expected).reduce((sum, list: readonly string[]) => sum + list.length, 0),
    lost,
    duplicated: sample(duplicated),
    unexpected: sample(unexpected),
    deadLettered: observed.deadLetters.length,
    poisonDeadLettered: found.size,
    poisonMissing: sample(poison.filter((p) => !found.has(p.key)).map((p) => `${p.service} ${p.key} (${p.flaw})`)),
    strayDeadLetters: sample(stray),
    lostTotal,
  };
}
