import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { CanonicalCodec, Decimal, type CanonicalEventMap, type CanonicalEventType, type Envelope, type Item, type Money } from '@procurelink/canonical-schemas';
import { HttpErpClient } from '@procurelink/erp-connector';
import { createKafka, ensureTopics, failureHeaders, HEADERS, readTopicToEnd } from '@procurelink/messaging';
import {
  apiKeyEntry, deletePrefixedTopics, deleteRedisKeys, eventually, launchChromium, produceCanonical, stackEndpoints, startErpSandbox, startHttpApp, uniquePrefix,
  type ErpSandboxHandle, type HttpApp,
} from '@procurelink/test-support';
import type { Producer } from 'kafkajs';
import { Pool } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { parseOpsConfig } from './config/ops-config';
import { opsApplication } from './ops-app';

// Issue 5's "done means" on the REAL ops application (consumers, PostgreSQL, replay, reconciliation,
// console) in a real headless Chromium: the day's documents on the overview, a dead letter written
// exactly as the messaging runtime writes it, dry run → replay through the page (landing once on
// Kafka, audited as console:operator), and a mismatch planted in the ERP sandbox named by the
// reconciliation page.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SCREENSHOTS = resolve(__dirname, '../../../.stack/screenshots');
const stack = stackEndpoints();
const prefix = uniquePrefix('ops-console');
const run = (prefix.split('.')[0] ?? prefix).slice(-8).toUpperCase();
const schema = `t_ops_console_${run.toLowerCase()}`;
const API_KEY = `ops-console-e2e-${run}`;
const sourceTopic = `${prefix}source.ap.invoice.v1`;
const dltTopic = `${prefix}procurelink.invoice-sync.dlt`;
const invoiceSyncGroup = `${prefix}procurelink.invoice-sync`;
const TRACE_ID = randomUUID().replace(/-/g, '');
const DL_TRACE_ID = randomUUID().replace(/-/g, '');

const ids = {
  po1: `PO-${run}-1`, po2: `PO-${run}-2`, receipt1: `GR-${run}-1`, invoice1: `INV-${run}-1`, invoice2: `INV-${run}-2`, payment1: `PMT-${run}-1`,
  poisoned: `APX-${run}-7`, north: 'FAC-NORTH', south: 'FAC-SOUTH', medline: 'SUP-MEDLINE', cardinal: 'SUP-CARDINAL',
};

// ---------- the day's canonical events (today, so that today's reconciliation covers them) ----------
const DAY_START = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
const minutesAgo = (minutes: number): Date => new Date(Math.max(Date.now() - minutes * 60_000, DAY_START + 1_000 + (120 - minutes) * 1_000));
const money = (amount: string): Money => ({ amount: Decimal.parse(amount), currency: 'USD' });
const gloves: Item = { itemId: 'ITM-GLOVE-M', description: 'Nitrile exam gloves, M', gtin: null, unspsc: null, manufacturerName: null, manufacturerPartNumber: null, supplierPartNumber: null, unitOfMeasure: 'BX' };
const gowns: Item = { ...gloves, itemId: 'ITM-GOWN-L', description: 'Isolation gowns, L', unitOfMeasure: 'CS' };
const address = { line1: '1 Hospital Way', line2: null, city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' };

function envelope(eventType: CanonicalEventType, chain: string, facilityId: string, at: Date, sourceSystem: string): Envelope {
  return { eventId: randomUUID(), eventType, occurredAt: at, sourceSystem, sourceRecordId: `${eventType}-${chain}`, correlationId: `chain-${chain}`, causationId: null, facilityId, tenant: 'demo-health' };
}

function poApproved(poNumber: string, facilityId: string, supplierId: string, lines: Array<{ item: Item; quantity: string; unitPrice: string; lineAmount: string }>, at: Date): CanonicalEventMap['PurchaseOrderApproved'] {
  const poLines = lines.map((line, index) => ({
    lineNumber: index + 1, item: line.item, quantity: Decimal.parse(line.quantity), unitPrice: money(line.unitPrice), lineAmount: money(line.lineAmount),
    department: { departmentId: 'D-WARD-3', name: 'Ward 3', facilityId }, costCentre: { code: 'CC-200', name: 'Nursing' }, glAccount: { accountNumber: '5100-100', name: 'Medical supplies' }, requestedDeliveryDate: null,
  }));
  const total = lines.reduce((sum, line) => sum.add(Decimal.parse(line.lineAmount)), Decimal.zero());
  return {
    envelope: envelope('PurchaseOrderApproved', poNumber, facilityId, at, 'purchasing'), poNumber, revision: 1, supplierId, orderDate: at.toISOString().slice(0, 10), approvedAt: at,
    shipTo: { facilityId, name: facilityId, legalEntity: '1000', address }, lines: poLines, totalAmount: { amount: total, currency: 'USD' },
  };
}

function invoiceReceived(invoiceId: string, poNumber: string, facilityId: string, supplierId: string, amount: string, at: Date): CanonicalEventMap['InvoiceReceived'] {
  return {
    envelope: envelope('InvoiceReceived', poNumber, facilityId, at, 'ap-automation'), invoiceId, supplierId, supplierInvoiceNumber: `S-${invoiceId}`, poNumber, invoiceDate: at.toISOString().slice(0, 10), dueDate: null,
    lines: [{ lineNumber: 1, poLineNumber: 1, description: 'as ordered', item: null, quantity: Decimal.parse('1'), unitPrice: money(amount), lineAmount: money(amount), taxAmount: null }],
    subtotal: money(amount), taxAmount: money('0.00'), totalAmount: money(amount),
  };
}

/** The source invoice AP automation captured (source.ap.invoice.v1, apps/invoice-sync/SOURCE.md), with the remit-to bank account it read off the page. */
const poisonedInvoice = {
  invoiceId: ids.poisoned, supplierId: ids.cardinal, supplierInvoiceNumber: `CAH-${run}`, invoiceDate: new Date().toISOString().slice(0, 10), dueDate: null,
  facilityId: ids.south, poNumber: ids.po2, currency: 'USD', capturedAt: new Date().toISOString(),
  lines: [{ lineNumber: 1, poLineNumber: 1, description: 'Isolation gowns, L', quantity: '2', unitPrice: '20.00', lineAmount: '40.00' }],
  subtotal: '40.00', taxAmount: '0.00', total: '40.00',
  remitTo: { name: 'Cardinal Health', bankAccount: '000123456789' },
};

describe('the ops application end to end: console, dead-letter replay and reconciliation on the real stack', () => {
  const kafka = createKafka({ clientId: `ops-console-e2e-${run}`, brokers: stack.kafkaBrokers });
  let sandbox: ErpSandboxHandle;
  let http: HttpApp;
  let producer: Producer;
  let browser: Browser;
  let page: Page;
  let deadLetterId: number;
  let apInvoiceDocument: string;

  const api = async (method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: Json }> => {
    const response = await fetch(`${http.baseUrl}${path}`, {
      method,
      headers: { 'x-api-key': API_KEY, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, json: (text === '' ? {} : JSON.parse(text)) as Json };
  };
  const getJson = async (path: string): Promise<Json> => {
    const { status, json } = await api('GET', path);
    if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${JSON.stringify(json)}`);
    return json;
  };
  const shot = (name: string): Promise<Buffer> => page.screenshot({ path: `${SCREENSHOTS}/ops-${name}.png`, fullPage: true });
  const viewText = async (): Promise<string> => (await page.locator('#view').textContent()) ?? '';

  /** Signs in on the login form and waits until the first page has rendered. */
  async function signIn(username: string, password: string): Promise<void> {
    await page.goto(`${http.baseUrl}/console#/overview`);
    await page.waitForSelector('#login-view:not([hidden])');
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#view[data-loading="false"][data-page="/overview"]');
    await expect(page.locator('#who').textContent()).resolves.toContain(username);
  }

  /** Goes to a console route (hash) and waits until it has rendered. */
  async function open(hash: string): Promise<void> {
    const path = hash.slice(1).split('?')[0] ?? '';
    if (page.url().endsWith(hash)) {
      await page.reload();
    } else {
      await page.evaluate((h) => {
        (globalThis as unknown as { location: { hash: string } }).location.hash = h;
      }, hash);
    }
    await page.waitForSelector(`#view[data-loading="false"][data-page="${path}"]`);
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    sandbox = await startErpSandbox();
    const config = parseOpsConfig({
      NODE_ENV: 'development',
      KAFKA_BROKERS: stack.kafkaBrokers.join(','), SCHEMA_REGISTRY_URL: stack.schemaRegistryUrl, REDIS_URL: stack.redisUrl, DATABASE_URL: stack.databaseUrl,
      ERP_BASE_URL: sandbox.baseUrl, PROCURELINK_TOPIC_PREFIX: prefix, OPS_DB_SCHEMA: schema, OPS_RECONCILE_INTERVAL_MS: '0', RETRY_DELAYS_MS: '200',
      API_KEYS: apiKeyEntry(`ops-e2e-${run}`, API_KEY, ['ops:read', 'ops:reconcile']),
    });
    http = await startHttpApp(opsApplication(config), { bodyLimitBytes: config.api.bodyLimitBytes, logger: ['error', 'warn'] });
    producer = kafka.producer();
    await producer.connect();
    const admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, [sourceTopic], 3); // invoice-sync's source topic, where a replay sends the record back
    await admin.disconnect();

    // What po-sync and invoice-sync would have posted to the ERP for the day, through the real connector.
    const erp = new HttpErpClient({ baseUrl: sandbox.baseUrl, timeoutMs: 5_000 });
    const line = { revision: 1, glAccount: '5100-100', costCentre: 'CC-200', currency: 'USD', direction: 'ENCUMBER' } as const;
    await erp.postEncumbrance({ ...line, poNumber: ids.po1, lineNumber: 1, facilityId: ids.north, supplierId: ids.medline, amount: '100.00' }, `${ids.po1}/1/1/ENCUMBER`);
    await erp.postEncumbrance({ ...line, poNumber: ids.po1, lineNumber: 2, facilityId: ids.north, supplierId: ids.medline, amount: '25.50' }, `${ids.po1}/1/2/ENCUMBER`);
    await erp.postEncumbrance({ ...line, poNumber: ids.po2, lineNumber: 1, facilityId: ids.south, supplierId: ids.cardinal, amount: '40.00' }, `${ids.po2}/1/1/ENCUMBER`);
    const posting = await erp.postApInvoice(
      { invoiceId: ids.invoice1, supplierId: ids.medline, poNumber: ids.po1, facilityId: ids.north, amount: '125.50', taxAmount: '0.00', currency: 'USD', lines: [{ lineNumber: 1, poLineNumber: 1, description: 'as ordered', amount: '125.50' }] },
      `${ids.medline}/${ids.invoice1}/125.50`,
    );
    apInvoiceDocument = posting.documentNumber;
    await erp.acknowledgePaymentStatus(
      { paymentId: ids.payment1, supplierId: ids.medline, status: 'SCHEDULED', statusAt: minutesAgo(20).toISOString(), amount: '125.50', currency: 'USD', facilityId: ids.north, invoiceIds: [ids.invoice1] },
      `${ids.payment1}/SCHEDULED`,
    );

    // The canonical events of the day, as the services publish them (Avro through the registry).
    const codec = await CanonicalCodec.register(stack.schemaRegistryUrl, { topicPrefix: prefix });
    const approved1 = codec.encode('PurchaseOrderApproved', poApproved(ids.po1, ids.north, ids.medline, [
      { item: gloves, quantity: '8', unitPrice: '12.50', lineAmount: '100.00' },
      { item: gowns, quantity: '1', unitPrice: '25.50', lineAmount: '25.50' },
    ], minutesAgo(110)));
    await producer.send({ topic: approved1.topic, messages: [{ key: approved1.key, value: approved1.value, headers: { traceparent: `00-${TRACE_ID}-${'cd'.repeat(8)}-01` } }] });
    await produceCanonical(producer, codec, 'PurchaseOrderApproved', poApproved(ids.po2, ids.south, ids.cardinal, [{ item: gowns, quantity: '2', unitPrice: '20.00', lineAmount: '40.00' }], minutesAgo(100)));
    const received = minutesAgo(90);
    await produceCanonical(producer, codec, 'GoodsReceived', {
      envelope: envelope('GoodsReceived', ids.po1, ids.north, received, 'inventory'), poNumber: ids.po1, receiptId: ids.receipt1, receivedAt: received, receivingLocation: null,
      lines: [{ receiptLineNumber: 1, poLineNumber: 1, item: gloves, quantity: Decimal.parse('8'), lotNumber: 'LOT-42', expiryDate: null, serialNumber: null, udi: null }],
    });
    await produceCanonical(producer, codec, 'InvoiceReceived', invoiceReceived(ids.invoice1, ids.po1, ids.north, ids.medline, '125.50', minutesAgo(60)));
    const matchedAt = minutesAgo(50);
    await produceCanonical(producer, codec, 'InvoiceMatched', {
      envelope: envelope('InvoiceMatched', ids.po1, ids.north, matchedAt, 'invoice-sync'), invoiceId: ids.invoice1, supplierId: ids.medline, poNumber: ids.po1, receiptIds: [ids.receipt1], matchedAmount: money('125.50'), matchedAt,
    });
    const postedAt = minutesAgo(40);
    await produceCanonical(producer, codec, 'InvoicePosted', {
      envelope: envelope('InvoicePosted', ids.po1, ids.north, postedAt, 'invoice-sync'), invoiceId: ids.invoice1, supplierId: ids.medline, erpDocumentNumber: apInvoiceDocument,
      postingDate: postedAt.toISOString().slice(0, 10), postedAt, totalAmount: money('125.50'),
    });
    await produceCanonical(producer, codec, 'InvoiceReceived', invoiceReceived(ids.invoice2, ids.po2, ids.south, ids.cardinal, '44.00', minutesAgo(30)));
    await produceCanonical(producer, codec, 'InvoiceException', {
      envelope: envelope('InvoiceException', ids.po2, ids.south, minutesAgo(29), 'invoice-sync'), invoiceId: ids.invoice2, supplierId: ids.cardinal, poNumber: ids.po2, reason: 'PRICE_VARIANCE',
      detail: 'unit price 22.00 is 10% above the PO price 20.00', duplicateOfInvoiceId: null, varianceAmount: money('4.00'), variancePercent: Decimal.parse('10.0000'),
    });
    await produceCanonical(producer, codec, 'PaymentScheduled', {
      envelope: envelope('PaymentScheduled', ids.po1, ids.north, minutesAgo(20), 'erp'), paymentId: ids.payment1, supplierId: ids.medline, invoiceIds: [ids.invoice1], amount: money('125.50'),
      method: 'ACH', scheduledDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10), bankAccount: { token: 'tok_medline', maskedNumber: '****4321', bankCountry: 'US' },
    });

    // One dead letter, written exactly as the messaging runtime writes it: the source record as it
    // came (key, JSON value), the failure headers of its first retry, then of the dead-letter hop.
    const first = Date.now() - 5 * 60_000;
    const origin = { topic: sourceTopic, partition: 1, offset: '17', timestamp: String(first - 1_000) };
    const failure = { code: 'TARGET_UNAVAILABLE' as const, retriable: true, message: 'ERP answered 503 Service Unavailable on POST /erp/v1/ap-invoices' };
    const retried = failureHeaders({ headers: { traceparent: `00-${DL_TRACE_ID}-${'ef'.repeat(8)}-01` }, origin, group: invoiceSyncGroup, failure, attempts: 1, now: first, traceId: DL_TRACE_ID, dueAt: first + 200 });
    const deadLettered = failureHeaders({
      headers: retried, origin: { topic: `${invoiceSyncGroup}.retry-1`, partition: 0, offset: '3', timestamp: String(first) }, group: invoiceSyncGroup, failure, attempts: 4, now: first + 90_000, traceId: DL_TRACE_ID,
    });
    expect(deadLettered).toMatchObject({ [HEADERS.originalTopic]: sourceTopic, [HEADERS.consumerGroup]: invoiceSyncGroup, [HEADERS.errorCode]: 'TARGET_UNAVAILABLE', [HEADERS.attempts]: '4' });
    await producer.send({ topic: dltTopic, messages: [{ key: ids.poisoned, value: JSON.stringify(poisonedInvoice), headers: deadLettered }] });

    // Bounded wait until ops has recorded every one of them.
    await eventually(
      'ops to record the day (PO chain, the exception, the payment and the dead letter)',
      async () => {
        const [trace, overview, deadLetters] = await Promise.all([
          getJson(`/v1/trace/${ids.po1}`).catch(() => ({}) as Json),
          getJson('/v1/overview').catch(() => ({}) as Json),
          getJson('/v1/dead-letters?service=invoice-sync').catch(() => ({ items: [] }) as Json),
        ]);
        return {
          invoice: trace.invoices?.[0]?.stage, payments: trace.payments?.length ?? 0, receipts: trace.receipts?.length ?? 0,
          exceptions: (overview.exceptionsByReason ?? []).length, pos: (overview.documents?.byStage ?? []).find((s: Json) => s.docType === 'PURCHASE_ORDER')?.count ?? 0,
          deadLetters: (deadLetters.items ?? []) as Json[],
        };
      },
      (seen) => seen.invoice === 'POSTED' && seen.payments === 1 && seen.receipts === 1 && seen.exceptions === 1 && seen.pos === 2 && seen.deadLetters.length === 1,
      { timeoutMs: 60_000, intervalMs: 500 },
    ).then((seen) => {
      deadLetterId = Number(seen.deadLetters[0]?.id);
    });

    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
    page.setDefaultTimeout(20_000);
  }, 150_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await http?.app.close().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await sandbox?.stop().catch(() => undefined);
    const admin = new Pool({ connectionString: stack.databaseUrl, max: 1 });
    await admin.query(`drop schema if exists ${schema} cascade`).catch(() => undefined);
    await admin.end();
    await deletePrefixedTopics(kafka, prefix);
    await deleteRedisKeys(stack.redisUrl, [`procurelink:ops:api:${prefix}*`, `*${prefix}*`]);
  }, 60_000);

  it('when a viewer signs in › the overview shows the day by stage and facility with charts, and no replay is offered', async () => {
    await signIn('viewer', 'viewer');
    expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(5);
    const byStage = (await page.locator('figure[data-chart="Documents · By stage"]').textContent()) ?? '';
    for (const stage of ['PURCHASE_ORDER · APPROVED', 'INVOICE · POSTED', 'INVOICE · EXCEPTION', 'RECEIPT · RECEIVED', 'PAYMENT · SCHEDULED']) expect(byStage).toContain(stage);
    const byFacility = (await page.locator('figure[data-chart="Documents · By facility"]').textContent()) ?? '';
    // the chart cuts labels at 27 characters (…)
    expect(byFacility).toContain('FAC-NORTH · PURCHASE_ORDER');
    expect(byFacility).toContain('FAC-SOUTH · INVOICE · EXCEP');
    await expect(page.locator('figure[data-chart="Delayed invoices · By supplier"]').textContent()).resolves.toContain(ids.cardinal);
    await expect(page.locator('figure[data-chart="Exceptions by reason"]').textContent()).resolves.toContain('PRICE_VARIANCE');
    await expect(page.locator('figure[data-chart="Dead letters · By service and reason"]').textContent()).resolves.toContain('invoice-sync · TARGET_UNAVA');
    expect(await page.locator('#dry-run, #replay').count()).toBe(0);
    await shot('overview-viewer');

    await open(`#/dead-letters/${deadLetterId}`);
    expect(await viewText()).toContain('TARGET_UNAVAILABLE');
    expect(await page.locator('#dry-run, #replay, section.replay').count()).toBe(0);
    await open('#/reconciliations');
    expect(await page.locator('#run-reconciliation').count()).toBe(0);

    await page.click('#logout');
    await page.waitForSelector('#login-view:not([hidden])');
    expect(await page.locator('#view').isHidden()).toBe(true);
  });

  it('when an operator opens the dead-letter browser › the poisoned invoice is listed with its reason; its page shows the masked value and the failure history', async () => {
    await signIn('operator', 'operator');
    await open('#/dead-letters');
    const row = page.locator('#view tbody tr', { has: page.locator(`a[href="#/dead-letters/${deadLetterId}"]`) });
    const rowText = (await row.textContent()) ?? '';
    for (const expected of ['invoice-sync', 'TARGET_UNAVAILABLE', ids.poisoned, ids.south, ids.cardinal, 'OPEN']) expect(rowText).toContain(expected);
    await shot('dead-letters-operator');

    await page.click(`#view a[href="#/dead-letters/${deadLetterId}"]`);
    await page.waitForSelector(`#view[data-loading="false"][data-page="/dead-letters/${deadLetterId}"]`);
    const value = (await page.locator('#dl-value').textContent()) ?? '';
    expect(value).toContain(ids.poisoned);
    expect(value).toContain('****6789');
    expect(await page.content()).not.toContain('000123456789');
    const text = await viewText();
    for (const expected of ['ERP answered 503 Service Unavailable', invoiceSyncGroup, sourceTopic, DL_TRACE_ID]) expect(text).toContain(expected);
    const history = await getJson(`/v1/dead-letters/${deadLetterId}`);
    expect(history.failure).toMatchObject({ errorCode: 'TARGET_UNAVAILABLE', attempts: 4, originalTopic: sourceTopic, consumerGroup: invoiceSyncGroup });
    expect(Date.parse(history.failure.lastFailureAt) - Date.parse(history.failure.firstFailureAt)).toBe(90_000);
    for (const at of [history.failure.firstFailureAt, history.failure.lastFailureAt]) expect(text).toContain(at);
    expect(await page.locator('#replay').isDisabled()).toBe(true);
    await shot('dead-letter-detail');
  });

  it('when the operator dry-runs, then replays through the page › predicts WOULD_REPLAY, lands the record once on its source topic as console:operator, and a second dry run says ALREADY_REPLAYED', async () => {
    await page.click('#dry-run');
    await page.waitForSelector('#replay-result :text("Dry run: what a replay would do")');
    // the whole panel, so that a wrong verdict fails with its reason
    expect(await page.locator('#replay-result').textContent()).toMatch(new RegExp(`WOULD_REPLAY.*would replay to ${sourceTopic.replace(/\./g, '\\.')}`));
    await expect(page.locator('#replay-result .verdict').textContent()).resolves.toBe('WOULD_REPLAY');
    expect(await readTopicToEnd(kafka, sourceTopic)).toHaveLength(0);
    await shot('dead-letter-dry-run');

    await page.click('#replay');
    await page.waitForSelector('#replay-result :text("Replay outcome")');
    const outcome = (await page.locator('#replay-result').textContent()) ?? '';
    expect(outcome).toContain('console:operator');
    expect(outcome).toMatch(/Counts published\s*1/);
    expect(await page.locator('#replay').isDisabled()).toBe(true);
    await shot('dead-letter-replayed');

    const landed = await readTopicToEnd(kafka, sourceTopic);
    expect(landed).toHaveLength(1);
    expect(landed[0]?.key?.toString()).toBe(ids.poisoned);
    expect(JSON.parse(landed[0]?.value?.toString() ?? '{}')).toEqual(poisonedInvoice);
    expect(landed[0]?.headers).toMatchObject({ [HEADERS.replayBy]: 'console:operator', [HEADERS.replayCount]: '1', traceparent: expect.stringContaining(DL_TRACE_ID) });
    expect(landed[0]?.headers).not.toHaveProperty(HEADERS.errorCode);

    await page.click('#dry-run');
    await page.waitForSelector('#replay-result :text("Dry run: what a replay would do")');
    await expect(page.locator('#replay-result .verdict').textContent()).resolves.toBe('ALREADY_REPLAYED');
    expect(await page.locator('#replay-result').textContent()).toContain('it was already replayed');
    await shot('dead-letter-second-dry-run');
    await open(`#/dead-letters/${deadLetterId}`);
    expect(await viewText()).toMatch(/Status\s*REPLAYED/);
    expect(await readTopicToEnd(kafka, sourceTopic)).toHaveLength(1);
  });

  it('GET /v1/replays › audits who (console:operator), when, what and the outcome of every run', async () => {
    const audit = (await getJson('/v1/replays')) as unknown as Json[];
    expect(audit.map((entry) => [entry.requestedBy, entry.dryRun, entry.selection, entry.counts.published])).toEqual([
      ['console:operator', true, { ids: [deadLetterId] }, 0],
      ['console:operator', false, { ids: [deadLetterId] }, 1],
      ['console:operator', true, { ids: [deadLetterId] }, 1],
    ]);
    for (const entry of audit) {
      expect(Date.now() - Date.parse(entry.requestedAt)).toBeLessThan(10 * 60_000);
      expect(Date.parse(entry.finishedAt)).toBeGreaterThanOrEqual(Date.parse(entry.requestedAt));
    }
    const real = await getJson(`/v1/replays/${audit[1]?.id}`);
    expect(real.outcome).toEqual([expect.objectContaining({ id: deadLetterId, verdict: 'WOULD_REPLAY', publish: true })]);
    const again = await getJson(`/v1/replays/${audit[0]?.id}`);
    expect(again.outcome).toEqual([expect.objectContaining({ id: deadLetterId, verdict: 'ALREADY_REPLAYED', publish: false })]);

    await open('#/dead-letters');
    const shown = (await page.locator('#view table').last().textContent()) ?? '';
    expect(shown).toContain('console:operator');
    await shot('replay-audit');
  });

  it('when the ERP ledger is tampered with › a reconciliation run from the console names the mismatched invoice', async () => {
    const clean = await api('POST', '/v1/reconciliations', {});
    expect(clean.status).toBe(201);
    expect(clean.json).toMatchObject({ status: 'SUCCEEDED', mismatchCount: 0 });
    expect(clean.json.totals).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'AP_INVOICE', facilityId: ids.north, source: { count: 1, amount: '125.5000' }, target: { count: 1, amount: '125.5000' } })]));

    const tamper = await fetch(`${sandbox.baseUrl}/sandbox/v1/tamper`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'alter', documentNumber: apInvoiceDocument, amount: '120.50' }), signal: AbortSignal.timeout(10_000),
    });
    expect(tamper.status).toBe(200);

    await open('#/reconciliations');
    await page.click('#run-reconciliation');
    const link = `#view a[href="#/documents/INVOICE/${encodeURIComponent(ids.invoice1)}"]`;
    await page.waitForSelector(link);
    const started = await viewText();
    expect(started).toContain(ids.invoice1);
    expect(started).toContain('120.50 USD');
    await shot('reconciliation-run');

    const runs = (await getJson('/v1/reconciliations')).runs as Json[];
    expect(runs.map((r) => [r.trigger, r.requestedBy, r.mismatchCount])).toEqual([
      ['API', 'console:operator', 1],
      ['API', `ops-e2e-${run}`, 0],
    ]);
    const detail = await getJson(`/v1/reconciliations/${runs[0]?.id}`);
    expect(detail.mismatches).toEqual([
      expect.objectContaining({ kind: 'AP_INVOICE', docType: 'INVOICE', docId: ids.invoice1, facilityId: ids.north, difference: 'AMOUNT', sourceValue: '125.5000 USD', targetValue: '120.50 USD' }),
    ]);

    await open('#/reconciliations');
    await page.click(`#view a[href="#/reconciliations/${runs[0]?.id}"]`);
    await page.waitForSelector(`#view[data-loading="false"][data-page="/reconciliations/${runs[0]?.id}"]`);
    const report = await viewText();
    expect(report).toContain(ids.invoice1);
    expect(report).toContain(apInvoiceDocument);
    expect(report).toContain('AMOUNT');
    await shot('reconciliation-mismatch');

    await page.click(link);
    await page.waitForSelector(`#view[data-loading="false"][data-page="/documents/INVOICE/${encodeURIComponent(ids.invoice1)}"]`);
    await expect(page.locator('ol.timeline').textContent()).resolves.toMatch(/InvoiceReceived[\s\S]*InvoiceMatched[\s\S]*InvoicePosted/);
    await open(`#/trace/${ids.po1}`);
    await expect(page.locator('#trace-ids').textContent()).resolves.toContain(TRACE_ID);
    await shot('document-lifecycle');
  });
});
