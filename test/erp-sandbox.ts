import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { resolve } from 'node:path';

/** The ERP sandbox (apps/erp-sandbox) as a real process on 127.0.0.1, for integration and e2e tests. */
const root = resolve(__dirname, '..');
const main = resolve(root, 'apps/erp-sandbox/dist/main.js');
/** The sources the built sandbox comes from: its own and the libraries it imports. */
const SOURCES = ['apps/erp-sandbox/src', 'libs/service-host/src', 'libs/canonical-schemas/src'];
const START_DEADLINE_MS = 20_000;
const STOP_DEADLINE_MS = 10_000;

export interface ErpLedgerEntry {
  readonly sequence: number;
  readonly documentNumber: string;
  readonly kind: 'VENDOR_UPSERT' | 'ENCUMBRANCE' | 'AP_INVOICE' | 'PAYMENT_STATUS';
  readonly businessKey: string;
  readonly subjectId: string;
  readonly idempotencyKey: string;
  readonly acceptedAt: string;
  readonly facilityId: string | null;
  readonly currency: string | null;
  readonly amount: string | null;
  readonly direction: 'ENCUMBER' | 'RELIEVE' | 'RELEASE' | null;
  readonly record: Readonly<Record<string, unknown>>;
}

/** A fault rule, as POST /sandbox/v1/faults takes it (apps/erp-sandbox/CONTRACT.md). */
export interface ErpFaultRule {
  readonly mode: 'ok' | 'fail' | 'slow' | 'timeout';
  readonly capability?: 'vendors' | 'encumbrances' | 'ap-invoices' | 'payments';
  readonly status?: 500 | 502 | 503 | 504;
  readonly delayMs?: number;
  readonly holdMs?: number;
  readonly afterHold?: 'drop' | 'proceed';
  readonly durationMs?: number;
  readonly count?: number;
}

export interface ErpSandboxHandle {
  /** `http://127.0.0.1:<port>`: give it to HttpErpClient / ErpConnectorModule as baseUrl. */
  readonly baseUrl: string;
  /** GET /erp/v1/ledger with these filters, every page (follows afterSequence while truncated). */
  ledger(query?: Record<string, string>): Promise<ErpLedgerEntry[]>;
  /** Sets a fault rule (it replaces the rule with the same scope). */
  setFault(rule: ErpFaultRule): Promise<void>;
  /** Clears every rule and releases held requests. */
  clearFaults(): Promise<void>;
  /** SIGTERM, then waits for the exit (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

/**
 * Starts `node apps/erp-sandbox/dist/main.js` (building it first only when it is missing or older
 * than its sources) on a free port of 127.0.0.1, with an in-memory ledger and reset/tamper enabled
 * unless `env` says otherwise, and waits for /health/live.
 */
export async function startErpSandbox(options: { env?: Record<string, string> } = {}): Promise<ErpSandboxHandle> {
  buildSandboxIfStale();
  const child = spawn(resolve(root, 'node_modules/.bin/node'), [main], {
    cwd: root,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      ERP_SANDBOX_STORE: 'memory',
      ERP_SANDBOX_ALLOW_RESET: 'true',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const running = (): boolean => child.exitCode === null && child.signalCode === null;

  const stop = async (): Promise<void> => {
    if (running()) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS);
      await exited;
      clearTimeout(killer);
    }
  };

  let baseUrl: string | undefined;
  try {
    baseUrl = await waitUntilLive(() => output, running);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    ledger: (query) => readLedger(baseUrl, query ?? {}),
    async setFault(rule) {
      await call(baseUrl, 'POST', '/sandbox/v1/faults', rule);
    },
    async clearFaults() {
      await call(baseUrl, 'DELETE', '/sandbox/v1/faults');
    },
    stop,
  };
}

async function waitUntilLive(output: () => string, running: () => boolean): Promise<string> {
  const deadline = Date.now() + START_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (!running()) throw new Error(`erp-sandbox exited before it was live:\n${output()}`);
    const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output())?.[1];
    if (port !== undefined) {
      const baseUrl = `http://127.0.0.1:${port}`;
      const live = await fetch(`${baseUrl}/health/live`, { signal: AbortSignal.timeout(1_000) }).then(
        (response) => response.ok,
        () => false,
      );
      if (live) return baseUrl;
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`erp-sandbox was not live within ${START_DEADLINE_MS} ms; its last output:\n${output()}`);
}

async function readLedger(baseUrl: string, query: Record<string, string>): Promise<ErpLedgerEntry[]> {
  const entries: ErpLedgerEntry[] = [];
  let params = new URLSearchParams(query);
  for (;;) {
    const page = (await call(baseUrl, 'GET', `/erp/v1/ledger?${params.toString()}`)) as { truncated: boolean; entries: ErpLedgerEntry[] };
    entries.push(...page.entries);
    const last = page.entries.at(-1);
    if (!page.truncated || last === undefined) return entries;
    params = new URLSearchParams({ ...query, afterSequence: String(last.sequence) });
  }
}

async function call(baseUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`erp-sandbox ${method} ${path} answered ${response.status}: ${text}`);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  return readdirSync(path, { withFileTypes: true }).reduce((newest, entry) => {
    const child = resolve(path, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestMtime(child) : statSync(child).mtimeMs);
  }, 0);
}

function buildSandboxIfStale(): void {
  const sources = Math.max(...SOURCES.map((dir) => newestMtime(resolve(root, dir))));
  if (existsSync(main) && statSync(main).mtimeMs >= sources) return;
  const build = spawnSync(resolve(root, 'node_modules/.bin/nx'), ['run', 'erp-sandbox:build', '--outputStyle=static'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (build.status !== 0) throw new Error(`nx run erp-sandbox:build failed:\n${build.stdout}\n${build.stderr}`);
  // tsc (incremental) and the nx cache may leave main.js untouched; mark it fresh so the next start skips the build.
  const now = new Date();
  utimesSync(main, now, now);
}
