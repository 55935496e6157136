import type { SimulatorConfig } from './config/simulator-config';
import { planDay } from './day/plan-day';
import { SOURCE_TOPICS } from './day/source-topics';
import { HttpLedgerReader } from './infra/http-ledger-reader';
import { HttpErpSandboxControls } from './infra/http-erp-sandbox-controls';
import { HttpServiceApi } from './infra/http-service-api';
import { KafkaSourceWriter } from './infra/kafka-source-writer';
import { payPostedInvoices } from './play/pay-posted-invoices';
import { playActs } from './play/play-day';
import { playOperationsEpisode } from './play/operations-episode';
import { confirmBankChangeAndPayHeld } from './play/release-held-payments';
import { readInvoiceEvents, type InvoiceOutcomeEvent } from './infra/invoice-outcomes';
import { invoiceOutcomeLines, ledgerLines, topicGrowth } from './report/summarise';

const SERVICES = ['supplier-sync', 'po-sync', 'invoice-sync', 'payment-status'];
const CANONICAL = ['p2p.supplier.v1', 'p2p.purchase-order.v1', 'p2p.invoice.v1', 'p2p.payment.v1'];
const OUTBOUND = ['target.purchasing.supplier.v1', 'target.purchasing.payment-status.v1', 'target.ap.payment-status.v1', 'ops.payment-alert.v1'];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Plays the day, lets the ERP pay what it posted, then says what happened: ledger postings, events, dead letters. */
export async function runSimulation(config: SimulatorConfig, say: (line: string) => void): Promise<void> {
  const plan = planDay({ seed: config.seed, day: config.day, runId: config.runId, startAt: new Date(), speed: config.speed });
  const prefixed = (topic: string): string => `${config.topicPrefix}${topic}`;
  const watched = [...CANONICAL, ...OUTBOUND, ...SERVICES.map((s) => `procurelink.${s}.dlt`)].map(prefixed);
  const writer = await KafkaSourceWriter.connect(config.kafka, Object.values(SOURCE_TOPICS).map(prefixed));
  const ledger = new HttpLedgerReader(config.erpBaseUrl);
  try {
    const before = await writer.endOffsets(watched);
    const ledgerStart = Math.max(0, ...(await ledger.entries({})).map((entry) => entry.sequence));
    say(`A day at the demo health network (${config.day}, run ${config.runId}, seed ${config.seed}, speed ×${config.speed}):`);
    for (const line of plan.story) say(`  - ${line}`);
    say('');
    const played = await playActs(plan, writer, { speed: config.speed, topicPrefix: config.topicPrefix, say, sleep });
    const paymentsDue = plan.paymentsAt / config.speed - (plan.acts.at(-1)?.at ?? 0) / config.speed;
    if (paymentsDue > 0) await sleep(paymentsDue);
    say('  the ERP waits for AP postings to settle, then pays them');
    const payments = await payPostedInvoices(ledger, writer, {
      topicPrefix: config.topicPrefix,
      invoiceIdContains: plan.invoiceIdPrefix,
      settleMs: config.paymentSettleMs,
      deadlineMs: config.paymentDeadlineMs,
      heldSupplierId: plan.bankChangeSupplier.supplierId,
      now: () => new Date(),
      say,
      sleep,
    });
    const api = { suppliers: new HttpServiceApi(config.supplierApiUrl, config.apiKey), payments: new HttpServiceApi(config.paymentApiUrl, config.apiKey) };
    await confirmBankChangeAndPayHeld(api, writer, payments.held, {
      supplierId: plan.bankChangeSupplier.supplierId,
      topicPrefix: config.topicPrefix,
      deadlineMs: 30_000,
      now: () => new Date(),
      say,
      sleep,
    }).catch((error: unknown) => say(`  the bank-details confirmation did not go through (${error instanceof Error ? error.message : String(error)}); the held payments stay held`));
    say(`  waiting for all ${plan.invoiceCount} invoices to reach an outcome (the one without goods turns NO_RECEIPT when its wait runs out)`);
    const outcomes = await awaitOutcomes(config, plan.invoiceIdPrefix, plan.invoiceCount);
    const episode = await playOperationsEpisode(new HttpErpSandboxControls(config.erpBaseUrl), ledger, writer, plan.lateInvoice, {
      topicPrefix: config.topicPrefix,
      attempts: config.invoiceAttempts,
      deadlineMs: 30_000,
      say,
      sleep,
    }).catch((error: unknown) => {
      say(`  the operations episode did not run (${error instanceof Error ? error.message : String(error)})`);
      return null;
    });
    await sleep(Math.min(20_000, config.invoiceAttempts * 3000));
    const after = await writer.endOffsets(watched);
    const entries = (await ledger.entries({ afterSequence: String(ledgerStart) })).filter((entry) => entry.sequence > ledgerStart);
    say('');
    say(`Played ${played} source records and the ERP's payment records for ${payments.scheduled} invoices. What the ERP sandbox accepted during the run:`);
    for (const line of ledgerLines(entries)) say(line);
    say('Invoice outcomes (p2p.invoice.v1):');
    for (const line of invoiceOutcomeLines(outcomes)) say(line);
    say('Records published during the run:');
    for (const { topic, added } of topicGrowth(before, after)) say(`  ${topic.padEnd(48)} ${added}`);
    if (episode) {
      say('For operations (console http://127.0.0.1:3105/console, operator/operator):');
      say(`  dead letter: invoice ${episode.deadLetteredInvoiceId} (TARGET_UNAVAILABLE) — dry-run it, then replay it: it posts once`);
      if (episode.tamperedDocument) say(`  reconciliation: run one for today — it names ERP document ${episode.tamperedDocument}`);
    }
  } finally {
    await writer.close();
  }
}

async function awaitOutcomes(config: SimulatorConfig, idPrefix: string, expected: number): Promise<InvoiceOutcomeEvent[]> {
  const deadline = Date.now() + config.outcomeWaitMs;
  for (;;) {
    const events = await readInvoiceEvents(config.kafka, config.registryUrl, `${config.topicPrefix}p2p.invoice.v1`, idPrefix);
    const decided = new Set(events.filter((e) => e.eventType === 'InvoicePosted' || e.eventType === 'InvoiceException').map((e) => e.invoiceId));
    if (decided.size >= expected || Date.now() > deadline) return events;
    await sleep(3000);
  }
}
