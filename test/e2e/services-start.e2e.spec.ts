import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Every service starts from its built output as an operator would run it, answers its
 * liveness probe, and stops cleanly on SIGTERM; a bad setting stops it with a clear message.
 */
const root = resolve(__dirname, '../..');
const services = ['supplier-sync', 'po-sync', 'invoice-sync', 'payment-status'];

function start(name: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [resolve(root, `apps/${name}/dist/main.js`)], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function listeningPort(output: () => string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output());
    if (match) return Number(match[1]);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no "listening on" line within ${timeoutMs} ms:\n${output()}`);
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolveExit) => {
    if (child.exitCode !== null) resolveExit(child.exitCode);
    else child.once('exit', (code) => resolveExit(code));
  });
}

describe('the services as processes', () => {
  beforeAll(() => {
    if (services.every((name) => existsSync(resolve(root, `apps/${name}/dist/main.js`)))) return;
    const build = spawnSync(resolve(root, 'node_modules/.bin/nx'), ['run-many', '-t', 'build', '--outputStyle=static'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
  }, 120_000);

  it.each(services)('when %s starts › it answers /health/live and stops on SIGTERM with exit code 0', async (name) => {
    const { child, output } = start(name, {});
    try {
      const port = await listeningPort(output, 20_000);
      const response = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', service: name });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited(child)).toBe(0);
  });

  it('when a setting is invalid › the service refuses to start, names the variable and exits 78', async () => {
    const { child, output } = start('po-sync', { PORT: 'eighty' });
    expect(await exited(child)).toBe(78);
    expect(output()).toContain('po-sync: invalid configuration');
    expect(output()).toContain('PORT=eighty: must be a TCP port');
  });
});
