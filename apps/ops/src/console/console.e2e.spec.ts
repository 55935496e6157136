import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Body, Controller, Get, Injectable, Module, Param, Post, type DynamicModule } from '@nestjs/common';
import { PRODUCER_PORT, type ProducerPort } from '@procurelink/messaging';
import { ApiProblem, CurrentPrincipal, RequireScopes, SystemApiModule, type Principal } from '@procurelink/system-api';
import { launchChromium, stackEndpoints, startHttpApp, uniquePrefix, type HttpApp } from '@procurelink/test-support';
import type { Browser, Page } from 'playwright-core';
import { ConsoleModule, OPS_API_PORT, parseConsoleConfig, withConsoleCredential, type OpsApiPort } from './index';

// The console in a real headless Chromium, in front of in-process doubles of the /v1 ops API
// (the real system-API guard checks the scopes of the console's per-user tokens).

const SCREENSHOTS = resolve(__dirname, '../../../../.stack/screenshots');
const NOW = '2026-03-02T09:30:00.000Z';

/** The state behind the /v1 doubles: one poisoned invoice, its chain, one reconciliation run. */
@Injectable()
class OpsDouble {
  readonly deadLetters = [
    {
      id: 7, service: 'invoice-sync', errorCode: 'UNKNOWN_PO', businessKey: 'INV-1001', facilityId: 'F-NORTH', supplierId: 'SUP-ACME',
      attempts: 1, lastFailureAt: '2026-03-02T08:10:00.000Z', status: 'OPEN', errorMessage: 'purchase order PO-4711 is unknown',
    },
  ];
  readonly audits: Array<Record<string, unknown>> = [];
}

@Controller('v1')
class OpsApiDoubleController {
  constructor(private readonly ops: OpsDouble) {}

  @Get('overview')
  @RequireScopes('ops:read')
  overview() {
    return {
      generatedAt: NOW,
      delayedInvoices: { total: 5, byFacility: [{ facilityId: 'F-NORTH', count: 3 }, { facilityId: 'F-SOUTH', count: 2 }], bySupplier: [{ supplierId: 'SUP-ACME', count: 4 }, { supplierId: 'SUP-MEDCO', count: 1 }] },
      unmatchedReceipts: { olderThanHours: 24, total: 2, byFacility: [{ facilityId: 'F-SOUTH', count: 2 }] },
      blockedPayments: { total: 1, byReason: [{ reason: 'BANK_DETAILS_CHANGED', count: 1 }], bySupplier: [{ supplierId: 'SUP-MEDCO', count: 1 }], suppliersOnHold: 1 },
      exceptionsByReason: [{ docType: 'INVOICE', reason: 'PRICE_VARIANCE', count: 3 }, { docType: 'INVOICE', reason: 'NO_RECEIPT', count: 2 }],
      deadLetters: { open: this.ops.deadLetters.filter((d) => d.status === 'OPEN').length, byServiceAndReason: [{ service: 'invoice-sync', errorCode: 'UNKNOWN_PO', count: 1 }] },
    };
  }

  @Get('sla/breaches')
  @RequireScopes('ops:read')
  breaches() {
    return { items: [{ sla: 'invoice-posted-within-a-day', docType: 'INVOICE', docId: 'INV-0999', facilityId: 'F-NORTH', dueAt: '2026-03-01T09:00:00.000Z', lateByMinutes: 95 }] };
  }

  @Get('dead-letters')
  @RequireScopes('ops:read')
  deadLetterList() {
    return { items: this.ops.deadLetters, next: null };
  }

  @Get('dead-letters/:id')
  @RequireScopes('ops:read')
  deadLetter(@Param('id') id: string) {
    const found = this.ops.deadLetters.find((d) => String(d.id) === id);
    if (found === undefined) throw new ApiProblem(404, 'not-found', 'Not found', 'no such dead letter');
    return {
      ...found, key: 'INV-1001',
      value: { format: 'json', pretty: JSON.stringify({ invoiceId: 'INV-1001', poNumber: 'PO-4711', supplierBankAccount: '****6789', total: '1200.00' }, null, 2) },
      failure: { consumerGroup: 'procurelink.invoice-sync', originalTopic: 'source.ap.invoice.v1', errorCode: 'UNKNOWN_PO', errorMessage: found.errorMessage, attempts: 1, firstFailureAt: '2026-03-02T08:10:00.000Z', lastFailureAt: found.lastFailureAt },
    };
  }

  @Post('dead-letters/replay')
  @RequireScopes('ops:replay')
  replay(@Body() body: { ids?: number[]; dryRun?: boolean }, @CurrentPrincipal() who: Principal) {
    const selected = this.ops.deadLetters.filter((d) => (body.ids ?? []).includes(d.id));
    const items = selected.map((d) => ({ id: d.id, verdict: d.status === 'OPEN' ? 'WOULD_REPLAY' : 'ALREADY_REPLAYED', reason: d.status === 'OPEN' ? 'not processed yet: the claim is absent' : 'replayed before', publish: d.status === 'OPEN' }));
    if (body.dryRun !== true) for (const d of selected) d.status = 'REPLAYED';
    const report = { auditId: this.ops.audits.length + 1, dryRun: body.dryRun === true, requestedBy: who.client, requestedAt: NOW, counts: { selected: items.length, published: items.filter((i) => i.publish).length }, items: items.map((i) => (body.dryRun === true ? i : { ...i, outcome: i.publish ? 'REPLAYED' : 'SKIPPED' })) };
    this.ops.audits.unshift({ id: report.auditId, requestedBy: who.client, requestedAt: NOW, dryRun: report.dryRun, selected: items.length, published: report.counts.published });
    return report;
  }

  @Get('replays')
  @RequireScopes('ops:read')
  replays() {
    return { items: this.ops.audits };
  }

  @Get('documents/:docType/:docId')
  @RequireScopes('ops:read')
  document(@Param('docType') docType: string, @Param('docId') docId: string) {
    return {
      document: { docType, docId, stage: 'EXCEPTION', facilityId: 'F-NORTH', supplierId: 'SUP-ACME', amount: '1200.00', currency: 'USD', exceptionReason: 'PRICE_VARIANCE', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' },
      events: [
        { eventId: 'e1', eventType: 'InvoiceReceived', docType, docId, occurredAt: '2026-03-02T08:00:00.000Z', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' },
        { eventId: 'e2', eventType: 'InvoiceException', docType, docId, occurredAt: '2026-03-02T08:00:02.000Z', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' },
      ],
    };
  }

  @Get('reconciliations')
  @RequireScopes('ops:read')
  runs() {
    return { runs: [{ id: '3', day: '2026-03-01', facilityId: null, trigger: 'SCHEDULE', requestedBy: null, status: 'SUCCEEDED', startedAt: NOW, finishedAt: NOW, mismatchCount: 1, error: null }], next: null };
  }

  @Get('reconciliations/:id')
  @RequireScopes('ops:read')
  run(@Param('id') id: string) {
    return {
      id, day: '2026-03-01', facilityId: null, trigger: 'SCHEDULE', requestedBy: null, status: 'SUCCEEDED', startedAt: NOW, finishedAt: NOW, mismatchCount: 1, error: null,
      totals: [{ kind: 'PO_ENCUMBRANCE', facilityId: 'F-NORTH', day: '2026-03-01', currency: 'USD', source: { count: 12, amount: '53100.00' }, target: { count: 12, amount: '52100.00' }, mismatchCount: 1 }],
      mismatches: [{ kind: 'PO_ENCUMBRANCE', facilityId: 'F-NORTH', day: '2026-03-01', docType: 'PURCHASE_ORDER', docId: 'PO-4702', difference: 'AMOUNT', sourceValue: '2500.00', targetValue: '1500.00', detail: 'the ERP encumbrance is 1000.00 lower' }],
    };
  }
}

/** The doubles publish nothing: no /v1 route here submits to Kafka. */
const refusingProducer: ProducerPort = {
  send: () => Promise.reject(new Error('the console test publishes nothing')),
};

@Module({})
class ConsoleTestApp {
  static forRoot(prefix: string): DynamicModule {
    const { auth, credential } = withConsoleCredential({ apiKeys: [], devKeyInUse: false });
    return {
      module: ConsoleTestApp,
      imports: [
        SystemApiModule.forRoot({ service: 'ops-console-test', auth, redisUrl: stackEndpoints().redisUrl, keyPrefix: `${prefix}api:`, openApi: { title: 'Ops (console test)', version: '0.0.0', routes: [] } }),
        ConsoleModule.forRoot({ ...parseConsoleConfig({}), apiCredential: credential }),
      ],
      controllers: [OpsApiDoubleController],
      providers: [OpsDouble, { provide: PRODUCER_PORT, useValue: refusingProducer }],
    };
  }
}

jest.setTimeout(60_000);

let http: HttpApp;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  http = await startHttpApp(ConsoleTestApp.forRoot(uniquePrefix('ops-console')), { bodyLimitBytes: 1_048_576 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await http?.app.close();
});

async function signIn(username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`${http.baseUrl}/console`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#view[data-loading="false"][data-page="/overview"]');
  return page;
}

async function open(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, hash);
  await page.waitForSelector(`#view[data-loading="false"][data-page="${hash.slice(1).split('?')[0]}"]`);
}

const consolePost = (page: Page, path: string, body: unknown, headers: Record<string, string> = { 'x-procurelink-console': '1' }) =>
  page.evaluate(
    async ({ path, body, headers }) => {
      const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      return { status: response.status, body: await response.text() };
    },
    { path, body, headers },
  );

describe('the ops console in a real Chromium', () => {
  it('serves the page with a strict content security policy, and the API only to a session', async () => {
    const page = await fetch(`${http.baseUrl}/console`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${http.baseUrl}/console/api/overview`)).status).toBe(401);
    const login = await fetch(`${http.baseUrl}/console/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-procurelink-console': '1' }, body: JSON.stringify({ username: 'viewer', password: 'viewer' }) });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
    const wrong = await fetch(`${http.baseUrl}/console/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-procurelink-console': '1' }, body: JSON.stringify({ username: 'viewer', password: 'operator' }) });
    expect(wrong.status).toBe(401);
  });

  it('when a viewer signs in › shows the overview with charts and offers no replay, which the API refuses', async () => {
    const page = await signIn('viewer', 'viewer');
    expect(await page.locator('figure.chart').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('figure.chart rect.barfill').count()).toBeGreaterThanOrEqual(8);
    await expect(page.locator('figure[data-chart="Delayed invoices · By facility"]').textContent()).resolves.toContain('F-NORTH');
    await expect(page.locator('[data-tile="total"]').first().textContent()).resolves.toContain('5');
    await expect(page.locator('#view').textContent()).resolves.toContain('invoice-posted-within-a-day');
    await page.screenshot({ path: `${SCREENSHOTS}/console-overview-viewer.png`, fullPage: true });

    await open(page, '#/dead-letters');
    await expect(page.locator('#view').textContent()).resolves.toContain('UNKNOWN_PO');
    expect(await page.locator('#dry-run').count()).toBe(0);
    expect(await page.locator('#view input[type=checkbox]').count()).toBe(0);
    const refused = await consolePost(page, '/console/api/dead-letters/replay', { ids: [7], dryRun: true });
    expect(refused.status).toBe(403);
    await page.context().close();
  });

  it('refuses a viewer token at the /v1 guard too (the role becomes scopes)', async () => {
    const api = http.app.get<OpsApiPort>(OPS_API_PORT, { strict: false });
    const asViewer = await api.call({ method: 'POST', v1Path: '/v1/dead-letters/replay', search: '', body: { ids: [7], dryRun: true }, user: { username: 'viewer', role: 'viewer' } });
    expect(asViewer.status).toBe(403);
    expect(asViewer.body).toContain('ops:replay');
  });

  it('refuses a POST without the console header (CSRF)', async () => {
    const page = await signIn('operator', 'operator');
    const refused = await consolePost(page, '/console/api/dead-letters/replay', { ids: [7], dryRun: true }, {});
    expect(refused.status).toBe(403);
    await page.context().close();
  });

  it('when an operator replays through the page › shows the reason, the dry-run verdict, the outcome and the audit', async () => {
    const page = await signIn('operator', 'operator');
    await open(page, '#/dead-letters');
    await page.screenshot({ path: `${SCREENSHOTS}/console-dead-letters.png`, fullPage: true });
    await page.click('#view a[href="#/dead-letters/7"]');
    await page.waitForSelector('#view[data-loading="false"][data-page="/dead-letters/7"]');
    await expect(page.locator('#view').textContent()).resolves.toContain('purchase order PO-4711 is unknown');
    await expect(page.locator('#dl-value').textContent()).resolves.toContain('****6789');
    expect(await page.locator('#replay').isDisabled()).toBe(true);

    await page.click('#dry-run');
    await page.waitForSelector('#replay-result .verdict');
    await expect(page.locator('#replay-result').textContent()).resolves.toContain('WOULD_REPLAY');
    await page.screenshot({ path: `${SCREENSHOTS}/console-dead-letter-dry-run.png`, fullPage: true });

    await page.click('#replay');
    await page.waitForSelector('#replay-result :text("Replay outcome")');
    await expect(page.locator('#replay-result').textContent()).resolves.toContain('REPLAYED');
    expect(await page.locator('#replay').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/console-dead-letter-replayed.png`, fullPage: true });

    await open(page, '#/dead-letters');
    const audit = await page.locator('#view').textContent();
    expect(audit).toContain('console:operator');
    expect(audit).toContain('REPLAYED');
    await page.context().close();
  });

  it('shows a document lifecycle with its trace id, and reconciliation results naming the mismatched document', async () => {
    const page = await signIn('operator', 'operator');
    await open(page, '#/documents/INVOICE/INV-1001');
    await expect(page.locator('#trace-ids').textContent()).resolves.toContain('4bf92f3577b34da6a3ce929d0e0e4736');
    await expect(page.locator('ol.timeline').textContent()).resolves.toMatch(/InvoiceReceived[\s\S]*InvoiceException/);
    await page.screenshot({ path: `${SCREENSHOTS}/console-document-lifecycle.png`, fullPage: true });

    await open(page, '#/reconciliations');
    await page.click('#view a[href="#/reconciliations/3"]');
    await page.waitForSelector('#view[data-loading="false"][data-page="/reconciliations/3"]');
    const text = await page.locator('#view').textContent();
    expect(text).toContain('PO-4702');
    expect(text).toContain('the ERP encumbrance is 1000.00 lower');
    await page.screenshot({ path: `${SCREENSHOTS}/console-reconciliation.png`, fullPage: true });
    await page.click('#view a[href="#/documents/PURCHASE_ORDER/PO-4702"]');
    await page.waitForSelector('#view[data-loading="false"][data-page="/documents/PURCHASE_ORDER/PO-4702"]');
    await page.context().close();
  });
});
