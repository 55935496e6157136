import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** Starting the built apps as an operator would: `node apps/<name>/dist/main.js`, on a free port. */
const root = resolve(__dirname, '..');

export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** The port it listens on, once its "listening on" line appeared. */
  port(timeoutMs?: number): Promise<number>;
  /** SIGTERM (or the given signal), then the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited(): Promise<number | null>;
}

function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((newest, entry) => {
    if (entry.name === 'dist' || entry.name === 'node_modules') return newest;
    const path = resolve(dir, entry.name);
    return Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }, 0);
}

/** Builds the apps (and the libraries they use) when a dist/main.js is missing or older than any source file. */
export function buildAppsIfNeeded(names: readonly string[]): void {
  const sources = Math.max(newestMtime(resolve(root, 'libs')), ...names.map((name) => newestMtime(resolve(root, `apps/${name}/src`))));
  const stale = names.some((name) => {
    const main = resolve(root, `apps/${name}/dist/main.js`);
    return !existsSync(main) || statSync(main).mtimeMs < sources;
  });
  if (!stale) return;
  const build = spawnSync(resolve(root, 'node_modules/.bin/nx'), ['run-many', '-t', 'build', '--outputStyle=static'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
  if (build.status !== 0) throw new Error(`build failed:\n${build.stdout}\n${build.stderr}`);
}

export function startService(name: string, env: Record<string, string>, script = 'main.js'): ServiceProcess {
  const child = spawn(process.execPath, [resolve(root, `apps/${name}/dist/${script}`)], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const exited = (): Promise<number | null> =>
    new Promise((resolveExit) => {
      if (child.exitCode !== null || child.signalCode !== null) resolveExit(child.exitCode);
      else child.once('exit', (code) => resolveExit(code));
    });
  return {
    name,
    child,
    output: () => printed,
    exited,
    async port(timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(printed);
        if (match) return Number(match[1]);
        if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${printed.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${name}: no "listening on" line within ${timeoutMs} ms:\n${printed.slice(-3000)}`);
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited();
    },
  };
}
