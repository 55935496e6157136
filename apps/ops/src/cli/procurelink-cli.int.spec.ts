import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli } from './actions/run-cli';
import type { CliIo } from './actions/cli-io';
import { FetchOpsApi } from './infra/fetch-ops-api';

/*
 * The whole CLI (parsing, the fetch adapter, rendering, exit codes) against a small ops API on
 * 127.0.0.1 that answers like the documented one: X-API-Key auth, problem+json errors, dead
 * letters in memory whose replay verdicts depend on their status.
 */

const KEY = 'cli-spec-key';

interface Recorded {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly apiKey: string | undefined;
  readonly body: unknown;
}

type Letter = { id: number; service: string; errorCode: string; businessKey: string; status: 'OPEN' | 'REPLAYED'; lastFailureAt: string };

const view = (l: Letter) => ({ ...l, id: String(l.id), errorMessage: null, supplierId: null, facilityId: 'F-01', attempts: 1, dltTopic: `procurelink.${l.service}.dlt`, dltPartition: 0, dltOffset: String(l.id) });

class FakeOpsApi {
  readonly requests: Recorded[] = [];
  letters = new Map<number, Letter>();
  /** answer 503 to the nth replay POST (1-based), after publishing its first `failAfter` records */
  failReplayNumber: number | undefined;
  failAfter = 0;
  private replays = 0;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.requests.length = 0;
    this.letters = new Map();
    this.failReplayNumber = undefined;
    this.failAfter = 0;
    this.replays = 0;
  }

  seed(count: number, status: Letter['status'] = 'OPEN'): void {
    for (let id = 1; id <= count; id += 1) {
      this.letters.set(id, { id, service: id % 2 ? 'invoice-sync' : 'po-sync', errorCode: 'TARGET_UNAVAILABLE', businessKey: `INV-${id}`, status, lastFailureAt: '2025-03-01T08:00:00.000Z' });
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const body = chunks.length > 0 ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : undefined;
    const apiKey = req.headers['x-api-key'] as string | undefined;
    this.requests.push({ method: req.method ?? '', path: url.pathname, query: Object.fromEntries(url.searchParams), apiKey, body });
    const send = (status: number, payload: unknown, type = 'application/json') => {
      res.writeHead(status, { 'content-type': type }).end(JSON.stringify(payload));
    };
    const problem = (status: number, title: string, detail: string) => send(status, { type: `urn:procurelink:problem:${title.toLowerCase().replace(/ /g, '-')}`, title, status, detail }, 'application/problem+json');
    if (apiKey !== KEY) return problem(401, 'Unauthorized', 'the credentials were refused: unknown API key');

    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /v1/dead-letters') {
      const q = Object.fromEntries(url.searchParams);
      const limit = Number(q['limit'] ?? 50);
      const items = [...this.letters.values()].filter((l) => (!q['service'] || l.service === q['service']) && (!q['status'] || l.status === q['status']) && l.id > Number(q['after'] ?? 0));
      const page = items.slice(0, limit);
      return send(200, { items: page.map(view), nextAfter: items.length > limit ? String(page.at(-1)?.id) : null });
    }
    const one = /^GET \/v1\/dead-letters\/(\d+)$/.exec(route);
    if (one) {
      const letter = this.letters.get(Number(one[1]));
      if (!letter) return problem(404, 'Not found', 'ops has recorded no dead letter with this id.');
      const decoded = { invoiceId: letter.businessKey, bankAccount: '****6789' };
      return send(200, {
        ...view(letter),
        key: letter.businessKey,
        value: { format: 'json', decoded, pretty: JSON.stringify(decoded, null, 2) },
        failure: { consumerGroup: `procurelink.${letter.service}`, originalTopic: 'source.ap.invoice.v1', errorCode: letter.errorCode, attempts: 3, firstFailureAt: null, lastFailureAt: letter.lastFailureAt, replays: { by: null, at: null, count: 0 } },
        headers: { 'procurelink.error-code': letter.errorCode },
      });
    }
    if (route === 'POST /v1/dead-letters/replay') {
      this.replays += 1;
      const request = body as { ids?: number[]; filter?: { service?: string; status?: string }; dryRun: boolean; force?: boolean };
      const failing = this.replays === this.failReplayNumber;
      const selected = request.ids ?? [...this.letters.values()].filter((l) => l.status === (request.filter?.status ?? 'OPEN') && (!request.filter?.service || l.service === request.filter.service)).map((l) => l.id);
      const items = selected.flatMap((id, index) => {
        const letter = this.letters.get(id);
        if (!letter) return [];
        if (letter.errorCode === 'INVALID_INPUT') return [{ id, verdict: 'WOULD_FAIL_AGAIN', reason: 'would fail again: INVALID_INPUT was decided from the bytes', publish: request.force === true }];
        if (letter.status === 'REPLAYED') return [{ id, verdict: 'ALREADY_REPLAYED', reason: 'it was already replayed', publish: request.force === true }];
        const publish = !failing || index < this.failAfter;
        if (!request.dryRun && publish) letter.status = 'REPLAYED';
        return [{ id, verdict: 'WOULD_REPLAY', reason: `would replay to source.ap.invoice.v1 (invoice ${letter.businessKey})`, publish }];
      });
      const report = {
        auditId: this.replays,
        dryRun: request.dryRun,
        force: request.force === true,
        requestedBy: 'cli-spec',
        selection: request.ids ? { ids: request.ids } : { filter: request.filter },
        counts: { selected: items.length, published: items.filter((i) => i.publish).length, byVerdict: {} },
        items,
        ...(failing ? { error: 'publishing failed part-way: the broker is unavailable' } : {}),
      };
      if (failing) return send(503, { type: 'urn:procurelink:problem:replay-incomplete', title: 'Replay incomplete', status: 503, detail: report.error, report }, 'application/problem+json');
      return send(200, report);
    }
    if (route === 'POST /v1/reconciliations') {
      const request = body as { day?: string; facilityId?: string };
      const day = request.day ?? '2025-03-01';
      const mismatches =
        request.facilityId === 'F-02'
          ? [{ kind: 'AP_INVOICES', facilityId: 'F-02', day, docType: 'INVOICE', docId: 'INV-7', difference: 'AMOUNT', sourceValue: '220.0000', targetValue: '120.0000', detail: 'the ERP amount differs' }]
          : [];
      const failed = request.facilityId === 'F-DOWN';
      return send(201, {
        id: '77',
        day,
        facilityId: request.facilityId ?? null,
        trigger: 'API',
        requestedBy: 'cli-spec',
        status: failed ? 'FAILED' : 'SUCCEEDED',
        startedAt: '2025-03-02T06:00:00.000Z',
        finishedAt: '2025-03-02T06:00:01.000Z',
        mismatchCount: mismatches.length,
        error: failed ? 'the ERP ledger did not answer' : null,
        totals: [{ kind: 'AP_INVOICES', facilityId: request.facilityId ?? null, day, currency: 'USD', source: { count: 9, amount: '8120.0000' }, target: { count: 9, amount: '8020.0000' }, mismatchCount: mismatches.length }],
        mismatches,
      });
    }
    const trace = /^GET \/v1\/trace\/(.+)$/.exec(route);
    if (trace) {
      const key = decodeURIComponent(trace[1] ?? '');
      if (key !== 'PO 1001') return problem(404, 'Not found', `no chain for ${key}`);
      const po = { docType: 'PURCHASE_ORDER', docId: key, chainId: key, stage: 'APPROVED', amount: '1200.0000', currency: 'USD', exception: null, traceId: 'trace-abc', events: [{ eventId: 'e-1', eventType: 'PurchaseOrderApproved', occurredAt: '2025-03-01T08:00:00.000Z', sourceSystem: 'purchasing', traceId: 'trace-abc', topic: 'p2p.purchase-order.v1', partition: 0, offset: '3', summary: {} }] };
      const invoice = { docType: 'INVOICE', docId: 'INV-9', chainId: key, stage: 'EXCEPTION', amount: '99.0000', currency: 'USD', exception: { reason: 'PRICE_VARIANCE', detail: 'line 1 over tolerance' }, traceId: 'trace-def', events: [] };
      return send(200, { businessKey: key, chainIds: [key], traceIds: ['trace-abc', 'trace-def'], purchaseOrders: [po], receipts: [], invoices: [invoice], payments: [], suppliers: [], exceptions: [{ docType: 'INVOICE', docId: 'INV-9', reason: 'PRICE_VARIANCE', detail: 'line 1 over tolerance', stage: 'EXCEPTION' }], deadLetters: [] });
    }
    return problem(404, 'Not found', `no route ${route}`);
  }
}

class CapturedIo implements CliIo {
  stdout = '';
  stderr = '';
  questions: string[] = [];
  constructor(
    readonly stderrIsTty = false,
    private readonly answer: boolean | undefined = undefined,
  ) {}
  out(text: string): void {
    this.stdout += `${text}\n`;
  }
  err(text: string): void {
    this.stderr += `${text}\n`;
  }
  errRaw(text: string): void {
    this.stderr += text;
  }
  async confirm(question: string): Promise<boolean | undefined> {
    this.questions.push(question);
    return this.answer;
  }
}

describe('the procurelink CLI against an ops API over HTTP', () => {
  const api = new FakeOpsApi();
  const cli = (line: string, io = new CapturedIo(), env: { opsUrl?: string; apiKey?: string } = { opsUrl: api.url, apiKey: KEY }) =>
    runCli(line.split(' '), env, io, (connection) => new FetchOpsApi({ baseUrl: connection.url, apiKey: connection.apiKey, timeoutMs: 5_000 })).then((code) => ({ code, io }));
  const replayPosts = () => api.requests.filter((r) => r.path === '/v1/dead-letters/replay');

  beforeAll(() => api.start());
  afterAll(() => api.stop());
  beforeEach(() => api.reset());

  describe('dlq list and show', () => {
    it('sends the filters as query parameters with the API key, and prints an aligned table', async () => {
      api.seed(3);
      const { code, io } = await cli('dlq list --service invoice-sync --code INVALID_INPUT --since 2025-03-01 --limit 10');
      expect(code).toBe(0);
      expect(api.requests).toEqual([
        { method: 'GET', path: '/v1/dead-letters', query: { service: 'invoice-sync', errorCode: 'INVALID_INPUT', from: '2025-03-01T00:00:00.000Z', limit: '10' }, apiKey: KEY, body: undefined },
      ]);
      const lines = io.stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^ID\s+LAST FAILURE\s+SERVICE/);
      expect(lines.slice(1, 3).map((line) => line.trim().split(/\s+/)[0])).toEqual(['1', '3']);
      expect(lines.at(-1)).toBe('2 dead letters');
    });

    it('prints JSON for scripts with --json', async () => {
      api.seed(2);
      const { code, io } = await cli('dlq list --json --limit 1');
      expect(code).toBe(0);
      expect(JSON.parse(io.stdout)).toEqual({ items: [expect.objectContaining({ id: '1', status: 'OPEN' })], next: '1' });
      expect(api.requests[0]?.query).toEqual({ limit: '1' });
    });

    it('shows one dead letter with its masked value and history', async () => {
      api.seed(1);
      const { code, io } = await cli('dlq show 1');
      expect(code).toBe(0);
      expect(io.stdout).toContain('Dead letter 1');
      expect(io.stdout).toContain('"bankAccount": "****6789"');
      expect(io.stdout).toMatch(/Failure history\n {2}consumer group\s+procurelink\.invoice-sync\n {2}original topic\s+source\.ap\.invoice\.v1\n {2}attempts\s+3/);
      expect(io.stdout).toMatch(/ {2}replays\s+0\n/);
    });

    it('exits 1 with the problem detail when the record does not exist', async () => {
      const { code, io } = await cli('dlq show 99');
      expect(code).toBe(1);
      expect(io.stdout).toBe('');
      expect(io.stderr).toBe('error: 404 Not found: ops has recorded no dead letter with this id.\n');
    });

    it('exits 1 with the 401 problem when the key is wrong, never printing the key', async () => {
      const { code, io } = await cli('dlq list', new CapturedIo(), { opsUrl: api.url, apiKey: 'wrong-key-123' });
      expect(code).toBe(1);
      expect(io.stderr).toContain('error: 401 Unauthorized: the credentials were refused: unknown API key');
      expect(io.stderr + io.stdout).not.toContain('wrong-key-123');
    });
  });

  describe('dlq replay', () => {
    it('prints each verdict of a dry run and replays nothing', async () => {
      api.seed(2);
      (api.letters.get(2) as Letter).status = 'REPLAYED';
      const { code, io } = await cli('dlq replay 1 2 --dry-run');
      expect(code).toBe(0);
      expect(replayPosts().map((r) => r.body)).toEqual([{ ids: [1, 2], dryRun: true, force: false }]);
      expect(io.stdout).toMatch(/ 1\s+WOULD_REPLAY\s+yes\s+would replay to source\.ap\.invoice\.v1 \(invoice INV-1\)/);
      expect(io.stdout).toMatch(/ 2\s+ALREADY_REPLAYED\s+no\s+it was already replayed/);
      expect((api.letters.get(1) as Letter).status).toBe('OPEN');
    });

    it('exits 3 when a record would fail again', async () => {
      api.seed(2);
      (api.letters.get(2) as Letter).errorCode = 'INVALID_INPUT';
      const { code, io } = await cli('dlq replay 1 2 --dry-run');
      expect(code).toBe(3);
      expect(io.stdout).toMatch(/ 2\s+WOULD_FAIL_AGAIN\s+no\s+would fail again: INVALID_INPUT was decided from the bytes\s+✗/);
    });

    it('replays one record for real without asking', async () => {
      api.seed(1);
      const io = new CapturedIo();
      const { code } = await cli('dlq replay 1', io);
      expect(code).toBe(0);
      expect(io.questions).toEqual([]);
      expect((api.letters.get(1) as Letter).status).toBe('REPLAYED');
    });

    it('will not replay several records for real without a confirmation (exit 2 without a terminal)', async () => {
      api.seed(2);
      const { code, io } = await cli('dlq replay 1 2');
      expect(code).toBe(2);
      expect(io.stderr).toContain('needs confirmation; run it on a terminal or pass --yes');
      expect(replayPosts()).toEqual([]);
    });

    it('replays nothing when the person says no, everything when they say yes', async () => {
      api.seed(2);
      const declined = await cli('dlq replay 1 2', new CapturedIo(false, false));
      expect(declined.code).toBe(1);
      expect(declined.io.questions).toEqual(['Replay 2 dead letters for real? [y/N] ']);
      expect(replayPosts()).toEqual([]);
      const confirmed = await cli('dlq replay 1 2', new CapturedIo(false, true));
      expect(confirmed.code).toBe(0);
      expect([...api.letters.values()].map((l) => l.status)).toEqual(['REPLAYED', 'REPLAYED']);
    });

    it('sends a long replay in chunks of 50 ids, one progress line per chunk when stderr is not a terminal', async () => {
      api.seed(120);
      const ids = Array.from({ length: 120 }, (_, i) => i + 1).join(' ');
      const { code, io } = await cli(`dlq replay ${ids} --yes`);
      expect(code).toBe(0);
      expect(replayPosts().map((r) => (r.body as { ids: number[] }).ids.length)).toEqual([50, 50, 20]);
      expect(io.stderr.trim().split('\n')).toEqual(['replay: chunk 1/3 done, 50/120 records', 'replay: chunk 2/3 done, 100/120 records', 'replay: chunk 3/3 done, 120/120 records']);
      expect(io.stdout).toContain('120 records: WOULD_REPLAY 120\npublished 120');
      expect(io.stdout).toContain('audit: replays 1, 2, 3');
    });

    it('draws the progress bar with \\r on a terminal', async () => {
      api.seed(60);
      const ids = Array.from({ length: 60 }, (_, i) => i + 1).join(' ');
      const { io } = await cli(`dlq replay ${ids} --dry-run`, new CapturedIo(true));
      expect(io.stderr).toBe('\rdry run [#########################-----] 50/60 records (chunk 1/2)\rdry run [##############################] 60/60 records (chunk 2/2)\n');
    });

    it('resolves a filter by a dry run, asks with its verdicts, then replays the selected ids', async () => {
      api.seed(4);
      const io = new CapturedIo(false, true);
      const { code } = await cli('dlq replay --service po-sync', io);
      expect(code).toBe(0);
      expect(replayPosts().map((r) => r.body)).toEqual([
        { filter: { service: 'po-sync' }, dryRun: true, force: false },
        { ids: [2, 4], dryRun: false, force: false },
      ]);
      expect(io.questions).toEqual(['Replay 2 dead letters for real (dry run: WOULD_REPLAY 2)? [y/N] ']);
    });

    it('stops at a chunk the service refuses: prints what went out, then the problem, and exits 1', async () => {
      api.seed(110);
      api.failReplayNumber = 2;
      api.failAfter = 10;
      const ids = Array.from({ length: 110 }, (_, i) => i + 1).join(' ');
      const { code, io } = await cli(`dlq replay ${ids} --yes`);
      expect(code).toBe(1);
      expect(replayPosts()).toHaveLength(2);
      expect(io.stdout).toContain('100 records: WOULD_REPLAY 100\npublished 60');
      expect(io.stdout).toMatch(/ 60\s+WOULD_REPLAY\s+yes/);
      expect(io.stdout).toMatch(/ 61\s+WOULD_REPLAY\s+no/);
      expect(io.stdout).toContain('error: publishing failed part-way: the broker is unavailable');
      expect(io.stderr).toContain('stopped at chunk 2/3: 50 records of earlier chunks were handled; 10 of chunk 2 were sent (listed above); the rest were not sent and can be replayed again');
      expect(io.stderr).toContain('error: 503 Replay incomplete: publishing failed part-way: the broker is unavailable');
      expect([...api.letters.values()].filter((l) => l.status === 'REPLAYED')).toHaveLength(60);
    });
  });

  describe('reconcile and trace', () => {
    it('runs a reconciliation and exits 0 when everything matches', async () => {
      const { code, io } = await cli('reconcile --day 2025-03-01');
      expect(code).toBe(0);
      expect(api.requests[0]).toMatchObject({ method: 'POST', path: '/v1/reconciliations', body: { day: '2025-03-01' } });
      expect(io.stdout).toContain('No mismatched documents.');
    });

    it('exits 3 and names the document when there is a mismatch', async () => {
      const { code, io } = await cli('reconcile --facility F-02');
      expect(code).toBe(3);
      expect(api.requests[0]?.body).toEqual({ facilityId: 'F-02' });
      expect(io.stdout).toMatch(/Mismatched documents \(1\)\n.*\n {2}AP_INVOICES\s+INVOICE\s+INV-7\s+F-02\s+AMOUNT\s+220\.0000\s+120\.0000\s+the ERP amount differs/);
      expect(io.stdout).toMatch(/AP_INVOICES\s+F-02\s+2025-03-01\s+USD\s+9\s+9\s+8120\.0000\s+8020\.0000\s+1/);
    });

    it('exits 1 when the reconciliation run itself failed', async () => {
      const { code, io } = await cli('reconcile --facility F-DOWN');
      expect(code).toBe(1);
      expect(io.stderr).toBe('error: the reconciliation run failed: the ERP ledger did not answer\n');
    });

    it('traces a business key (escaped in the path) and prints stages, events and trace ids', async () => {
      const printed = new CapturedIo();
      const code = await runCli(['trace', 'PO 1001'], { opsUrl: api.url, apiKey: KEY }, printed, (c) => new FetchOpsApi({ baseUrl: c.url, apiKey: c.apiKey }));
      expect(code).toBe(0);
      expect(api.requests.map((r) => r.path)).toEqual(['/v1/trace/PO%201001']);
      expect(printed.stdout).toMatch(/trace ids\s+trace-abc, trace-def/);
      expect(printed.stdout).toContain('Purchase orders (1)\nPURCHASE_ORDER PO 1001  stage APPROVED  amount 1200.0000 USD  trace trace-abc');
      expect(printed.stdout).toMatch(/2025-03-01 08:00:00Z\s+PurchaseOrderApproved\s+purchasing\s+trace-abc\s+e-1/);
      expect(printed.stdout).toContain('Invoices (1)\nINVOICE INV-9  stage EXCEPTION  amount 99.0000 USD  trace trace-def\n  exception: PRICE_VARIANCE — line 1 over tolerance');
    });
  });

  describe('failures before any answer', () => {
    it('exits 2 on a usage error without calling the API', async () => {
      const { code, io } = await cli('dlq list --status LOST');
      expect(code).toBe(2);
      expect(io.stderr).toBe("procurelink: --status must be one of OPEN, REPLAYED, RESOLVED, got \"LOST\"\nRun 'procurelink dlq list --help' for usage.\n");
      expect(api.requests).toEqual([]);
    });

    it('exits 1 saying the service is unreachable', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const { code, io } = await cli('dlq list', new CapturedIo(), { opsUrl: `http://127.0.0.1:${port}`, apiKey: KEY });
      expect(code).toBe(1);
      expect(io.stderr).toBe(`error: Ops service unreachable: GET http://127.0.0.1:${port}/v1/dead-letters: ECONNREFUSED\n`);
    });
  });
});
