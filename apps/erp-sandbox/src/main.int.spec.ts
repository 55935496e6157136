import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** The sandbox as an operator runs it: the built main.js, configuration from the environment. */
const project = resolve(__dirname, '..');
const main = resolve(project, 'dist/main.js');

function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [main], { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolveExit) => (child.exitCode !== null ? resolveExit(child.exitCode) : child.once('exit', resolveExit)));
}

describe('the erp-sandbox process', () => {
  beforeAll(() => {
    const build = spawnSync(resolve(project, '../../node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: project, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  }, 60_000);

  it('when started with PORT=0 and a fault in ERP_SANDBOX_FAULTS › listens, applies the fault, and stops on SIGTERM with 0', async () => {
    const { child, output } = start({ ERP_SANDBOX_FAULTS: '[{"mode":"fail","capability":"payments"}]' });
    try {
      let port: number | undefined;
      for (let waited = 0; port === undefined && waited < 20_000; waited += 100) {
        port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output())?.[1]) || undefined;
        if (port === undefined) await new Promise((r) => setTimeout(r, 100));
      }
      expect(port).toBeDefined();
      const faults = await (await fetch(`http://127.0.0.1:${port}/sandbox/v1/faults`)).json();
      expect(faults).toMatchObject({ faults: [{ mode: 'fail', capability: 'payments', status: 503 }] });
      // main.ts installs the batch body parser: a batch over the 100 kB single-call limit is read
      const lines = Array.from({ length: 450 }, (_, i) => ({ lineNumber: i + 1, description: 'x'.repeat(200), amount: '1.00' }));
      const invoice = { invoiceId: 'INV-MAIN-1', supplierId: 'SUP-1', poNumber: 'PO-1', amount: '450.00', currency: 'USD', lines };
      const batch = await fetch(`http://127.0.0.1:${port}/erp/v1/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requests: [{ method: 'POST', path: '/erp/v1/ap-invoices', idempotencyKey: 'main-batch-1', body: invoice }] }),
      });
      expect(batch.status).toBe(200);
      expect(await batch.json()).toMatchObject({ responses: [{ status: 201, replayed: false }] });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited(child)).toBe(0);
  });

  it('when a setting is invalid › refuses to start, names the variable and exits 78', async () => {
    const { child, output } = start({ ERP_SANDBOX_STORE: 'postgres', DATABASE_URL: '' });
    expect(await exited(child)).toBe(78);
    expect(output()).toContain('erp-sandbox: invalid configuration');
    expect(output()).toContain('DATABASE_URL: is required when ERP_SANDBOX_STORE=postgres');
  });
});
