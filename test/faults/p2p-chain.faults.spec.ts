import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKafka } from '@procurelink/messaging';
import { startErpSandbox, type ErpLedgerEntry, type ErpSandboxHandle } from '../erp-sandbox';
import { readCanonicalEvents, readDeadLetters } from '../kafka-records';
import { eventually } from '../eventually';
import { serviceEnv, stackEndpoints } from '../stack-env';
import type { Kafka } from 'kafkajs';
import { KafkaSourceWriter } from '../../apps/simulator/src/infra/kafka-source-writer';
import { SOURCE_TOPICS } from '../../apps/simulator/src/day/source-topics';
import { OwnStack } from './own-stack';
import { Supervisor } from './supervisor';
import { tally, type Tally } from './tally';
import { chain, chainRecords, expectedEffects, faultSuppliers, poison, supplierRecords, type Chain, type PoisonRecord, type SourceRecord } from './workload';

/**
 * The fault suite: the four services as processes on the suite's own stack, a steady stream of
 * procure-to-pay chains with 1% poison records, and during it a service SIGKILLed, the schema
 * registry stopped, the ERP failing for two minutes, the broker restarted and Redis restarted with
 * every key lost. Then the ERP ledger and the topics must show every valid event's effect exactly
 * once, every poison record on a dead-letter topic with its reason, and nothing else there.
 *
 * Sizes and timing: FAULTS_CHAINS (default 5000, four source events each), FAULTS_STREAM_SECONDS
 * (default 300), FAULTS_ERP_OUTAGE_SECONDS (default 120). The apps are built by the script beforehand.
 */
const SERVICES = ['supplier-sync', 'po-sync', 'invoice-sync', 'payment-status'] as const;
const num = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name}=${process.env[name]} must be a positive number`);
  return value;
};
const CHAINS = num('FAULTS_CHAINS', 5000);
const STREAM_MS = num('FAULTS_STREAM_SECONDS', 300) * 1000;
const ERP_OUTAGE_MS = num('FAULTS_ERP_OUTAGE_SECONDS', 120) * 1000;
/** Receipt, invoice and payment follow their PO by these delays. */
const FOLLOW_MS = { receipt: 1500, invoice: 3000, payment: 4500 } as const;
// Outlasts the ERP outage: a record failing as it starts is tried again after 1+2+5+10+20+40+60+60 s = 198 s.
const RETRY_DELAYS_MS = '1000,2000,5000,10000,20000,40000,60000,60000';
const SUPPLIER_COUNT = 20;

const run = Number(Date.now().toString().slice(-7));
const prefix = `faults-${run}.`;
const endpoints = stackEndpoints();
const reportDir = join(process.env['PROCURELINK_STACK_HOME'] ?? '.stack/faults', 'reports');
const say = (line: string): void => {
  process.stdout.write(`[faults ${((Date.now() - suiteStarted) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

const suiteStarted = Date.now();
let stack: OwnStack;
let erp: ErpSandboxHandle;
let supervisor: Supervisor;
let writer: KafkaSourceWriter;
let kafka: Kafka;
const faults: Array<{ at: string; what: string }> = [];
let resent = 0;
let faultsInjected = 0;

beforeAll(async () => {
  stack = OwnStack.fromEnvironment();
  mkdirSync(reportDir, { recursive: true });
  erp = await startErpSandbox();
  kafka = createKafka({ clientId: 'faults-suite', brokers: endpoints.kafkaBrokers });
  const env = {
    ...serviceEnv(prefix, erp.baseUrl, endpoints),
    ERP_TIMEOUT_MS: '3000',
    RETRY_DELAYS_MS,
    INVOICE_RECEIPT_WAIT_SECONDS: '3600',
    INVOICE_RECEIPT_WAIT_SWEEP_MS: '2000',
    LOG_LEVEL: 'info',
    OTEL_SDK_DISABLED: 'true',
  };
  supervisor = new Supervisor(SERVICES, env, join(process.env['PROCURELINK_STACK_HOME'] ?? '.stack/faults', 'service-pids'), say, reportDir);
  await supervisor.startAll();
  writer = await KafkaSourceWriter.connect(endpoints.kafkaBrokers, Object.values(SOURCE_TOPICS).map((t) => `${prefix}${t}`));
  say(`stack ${endpoints.kafkaBrokers.join(',')}, ${endpoints.schemaRegistryUrl}, ${endpoints.redisUrl}; ERP sandbox ${erp.baseUrl}; topic prefix ${prefix}`);
}, 300_000);

afterAll(async () => {
  await writer?.close().catch(() => undefined);
  const stopped = await supervisor?.stopAll();
  if (stopped) say(`services stopped: ${stopped.join(', ')}`);
  await erp?.stop();
}, 120_000);

/** A source system's at-least-once write: a send that fails (the broker is away) is sent again until it is acknowledged. */
async function write(record: SourceRecord): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await writer.write({ topic: `${prefix}${record.topic}`, key: record.key, value: record.value });
      return;
    } catch (error) {
      if (attempt >= 120) throw error;
      resent += 1;
      await sleep(500);
    }
  }
}

/** A fault begins (`injected`) or the system is given back what it lost. */
function fault(what: string, injected = true): void {
  if (injected) faultsInjected += 1;
  faults.push({ at: `${((Date.now() - streamStarted) / 1000).toFixed(0)} s`, what });
  say(`FAULT ${what}`);
}

let streamStarted = 0;

/** Plays the stream: chain i's PO at i·(duration/chains), its receipt, invoice and payment after it; a poison record after every 99 valid ones. */
async function stream(chains: readonly Chain[], poisons: PoisonRecord[]): Promise<number> {
  const step = STREAM_MS / chains.length;
  const sent = { po: 0, receipt: 0, invoice: 0, payment: 0 };
  let valid = 0;
  const due = (offset: number): number => Math.min(chains.length, Math.floor((Date.now() - streamStarted - offset) / step) + 1);
  let lastReport = Date.now();
  while (sent.payment < chains.length) {
    const batch: SourceRecord[] = [];
    const now = new Date();
    const take = (kind: keyof typeof sent, offset: number): void => {
      for (const end = due(offset); sent[kind] < end; sent[kind] += 1) {
        batch.push(chainRecords[kind](chains[sent[kind]] as Chain, now));
        valid += 1;
        if (valid % 99 === 0) {
          const p = poison(poisons.length, run);
          poisons.push(p);
          batch.push(p);
        }
      }
    };
    take('po', 0);
    take('receipt', FOLLOW_MS.receipt);
    take('invoice', FOLLOW_MS.invoice);
    take('payment', FOLLOW_MS.payment);
    await Promise.all(batch.map(write));
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      say(`streamed ${valid} valid and ${poisons.length} poison records`);
    }
    await sleep(100);
  }
  return valid;
}

/** The faults, each at its moment of the stream (fractions of its duration), one after the other. */
async function injectFaults(): Promise<void> {
  const at = async (fraction: number): Promise<void> => sleep(Math.max(0, streamStarted + fraction * STREAM_MS - Date.now()));

  await at(0.07);
  fault('SIGKILL invoice-sync');
  await supervisor.kill('invoice-sync');
  await sleep(3000);
  await supervisor.start('invoice-sync');
  say('invoice-sync started again');

  await at(0.15);
  fault('schema registry stopped');
  say(await stack.stopRegistry());
  await at(0.3);
  say(await stack.startRegistry());
  fault('schema registry started again', false);

  await at(0.33);
  fault(`ERP sandbox fails every call with 503 for ${ERP_OUTAGE_MS / 1000} s`);
  await erp.setFault({ mode: 'fail', status: 503, durationMs: ERP_OUTAGE_MS });
  await sleep(ERP_OUTAGE_MS);

  await at(0.75);
  fault('broker restart');
  say(await stack.restartKafka());
  fault('broker back', false);

  await at(0.85);
  fault('Redis killed, its data deleted (every idempotency key and all service state lost)');
  say(stack.crashRedisLosingKeys());
  await sleep(2000);
  // The documented recovery (README, state:rebuild): stop the services, start Redis, rebuild each service's state from the canonical topics, start them.
  say(`services stopped for the rebuild: ${(await supervisor.stopAll()).join(', ')}`);
  say(await stack.startRedis());
  for (const name of SERVICES) say(`rebuild: ${supervisor.rebuild(name)}`);
  await supervisor.startAll();
  fault('Redis back, empty; state rebuilt; services started again', false);
}

async function ledgerCounts(): Promise<Record<string, number>> {
  const response = await fetch(`${erp.baseUrl}/erp/v1/ledger/summary`, { signal: AbortSignal.timeout(10_000) });
  const summary = (await response.json()) as { byKind: Array<{ kind: string; count: number }> };
  return Object.fromEntries(summary.byKind.map((k) => [k.kind, k.count]));
}

/** Waits until the ledger holds every expected posting, or nothing has moved for a while. */
async function drain(expected: number): Promise<void> {
  const deadline = Date.now() + 300_000;
  let last = -1;
  let still = Date.now();
  for (;;) {
    const counts = await ledgerCounts().catch(() => ({}) as Record<string, number>);
    const postings = (counts['ENCUMBRANCE'] ?? 0) + (counts['AP_INVOICE'] ?? 0) + (counts['PAYMENT_STATUS'] ?? 0);
    if (postings !== last) {
      last = postings;
      still = Date.now();
      say(`ledger: ${JSON.stringify(counts)} (${expected} postings expected)`);
    }
    if (postings >= expected) return;
    if (Date.now() > deadline || Date.now() - still > 150_000) return;
    await sleep(3000);
  }
}

async function observe(): Promise<Parameters<typeof tally>[1]> {
  const ledger: ErpLedgerEntry[] = await erp.ledger({ limit: '10000' });
  const poEvents = (await readCanonicalEvents(kafka, `${prefix}p2p.purchase-order.v1`)) as Array<{ eventType: string; value: Record<string, unknown> }>;
  const supplierEvents = (await readCanonicalEvents(kafka, `${prefix}p2p.supplier.v1`)) as Array<{ eventType: string; value: Record<string, unknown> }>;
  const deadLetters = (
    await Promise.all(SERVICES.map(async (service) => (await readDeadLetters(kafka, `${prefix}procurelink.${service}.dlt`)).map((d) => ({ ...d, service }))))
  ).flat();
  return {
    ledger,
    receiptsPublished: poEvents.filter((e) => e.eventType === 'GoodsReceived').map((e) => String(e.value['receiptId'])),
    suppliersPublished: supplierEvents.filter((e) => e.eventType === 'SupplierSynced').map((e) => String(e.value['supplierId'])),
    deadLetters,
  };
}

describe('the procure-to-pay chain under faults', () => {
  it('takes every valid event into effect exactly once and dead-letters exactly the poison records, through a killed service, a registry outage, an ERP outage, a broker restart and a Redis restart that lost every key', async () => {
    // The supplier master first: the ERP's vendor records, then (once synced) purchasing's records of
    // the same suppliers, which merge into them (a purchasing record alone lacks the remit-to address).
    const suppliers = faultSuppliers(SUPPLIER_COUNT, run);
    const [erpVendors, purchasingSuppliers] = [0, 1].map((i) => supplierRecords(suppliers, new Date()).filter((_, j) => j % 2 === i)) as [SourceRecord[], SourceRecord[]];
    await Promise.all(erpVendors.map(write));
    await eventually('every supplier synced from the ERP vendor master', () => readCanonicalEvents(kafka, `${prefix}p2p.supplier.v1`), (events) => events.length >= suppliers.length, {
      timeoutMs: 90_000,
      intervalMs: 1000,
    });
    await Promise.all(purchasingSuppliers.map(write));
    await sleep(5000); // the merged master reaches invoice-sync before the first invoice
    const chains = Array.from({ length: CHAINS }, (_, i) => chain(i, suppliers, run));
    const poisons: PoisonRecord[] = [];

    streamStarted = Date.now();
    const [valid] = await Promise.all([stream(chains, poisons), injectFaults()]);
    const streamedIn = Date.now() - streamStarted;
    say(`stream done: ${valid} valid + ${suppliers.length * 2} supplier + ${poisons.length} poison records in ${(streamedIn / 1000).toFixed(0)} s (${resent} sends repeated while the broker was away)`);

    const expected = expectedEffects(chains, suppliers);
    await drain(expected.encumbrances.length + expected.apInvoices.length + expected.payments.length);
    await sleep(10_000); // late duplicates, if any, arrive before the ledger is judged
    const observed = await observe();
    const result: Tally = tally(expected, observed, poisons, (key) => key.includes(`F${run}-`));
    const events = valid + suppliers.length * 2;
    const summary = {
      events,
      poison: poisons.length,
      faultsInjected,
      faults,
      unexpectedServiceExits: supervisor.unexpectedExits.length,
      lost: result.lostTotal,
      duplicated: result.duplicated.count,
      unexpectedPostings: result.unexpected.count,
      deadLettered: result.deadLettered,
      poisonDeadLettered: result.poisonDeadLettered,
      elapsedSeconds: Math.round((Date.now() - suiteStarted) / 1000),
      detail: result,
    };
    writeFileSync(join(reportDir, 'faults-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    say(
      `RESULT events=${events} poison=${poisons.length} faults=${summary.faultsInjected} lost=${summary.lost} duplicated=${summary.duplicated} ` +
        `dead-lettered=${summary.deadLettered} (poison ${summary.poisonDeadLettered}, stray ${result.strayDeadLetters.count}) unexpected-exits=${summary.unexpectedServiceExits} elapsed=${summary.elapsedSeconds}s`,
    );

    const context = `\n${JSON.stringify(result, null, 2)}\n${supervisor.unexpectedExits.join('\n')}\n${supervisor.recentOutput()}`;
    expect({ lost: result.lost, duplicated: result.duplicated, unexpected: result.unexpected, context: result.lostTotal + result.duplicated.count + result.unexpected.count === 0 ? '' : context }).toEqual({
      lost: Object.fromEntries(Object.keys(result.lost).map((k) => [k, { count: 0, examples: [] }])),
      duplicated: { count: 0, examples: [] },
      unexpected: { count: 0, examples: [] },
      context: '',
    });
    expect(result.poisonMissing).toEqual({ count: 0, examples: [] });
    expect(result.strayDeadLetters).toEqual({ count: 0, examples: [] });
    expect(result.poisonDeadLettered).toBe(poisons.length);
  }, 1_200_000);
});
