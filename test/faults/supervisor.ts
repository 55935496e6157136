import { spawnSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startService, type ServiceProcess } from '../service-process';

/**
 * The four services as processes, watched the way an orchestrator would: a service that exits
 * on its own is started again (and counted). Every PID goes to `pidFile`, so that the script's
 * EXIT trap can end what a crashed test run left behind.
 */
export class Supervisor {
  private readonly running = new Map<string, ServiceProcess>();
  private readonly stopping = new Set<string>();
  readonly unexpectedExits: string[] = [];

  constructor(
    private readonly names: readonly string[],
    private readonly env: Record<string, string>,
    private readonly pidFile: string,
    private readonly say: (line: string) => void,
    /** Each process's whole output is appended to <logDir>/<name>.log when it ends. */
    private readonly logDir: string,
  ) {}

  async startAll(): Promise<void> {
    await Promise.all(this.names.map((name) => this.start(name)));
  }

  async start(name: string): Promise<void> {
    this.stopping.delete(name);
    const service = startService(name, this.env);
    this.running.set(name, service);
    if (service.child.pid !== undefined) appendFileSync(this.pidFile, `${service.child.pid} ${name}\n`);
    service.child.once('exit', (code, signal) => {
      appendFileSync(join(this.logDir, `${name}.log`), `${service.output()}\n--- exit ${signal ?? code}\n`);
      if (this.running.get(name) !== service || this.stopping.has(name)) return;
      const what = `${name} exited on its own (${signal ?? `code ${code}`}); last output: ${service.output().slice(-600)}`;
      this.unexpectedExits.push(what);
      this.say(`supervisor: ${what.slice(0, 300)} — starting it again`);
      setTimeout(() => void this.start(name).catch((error: unknown) => this.say(`supervisor: ${name} did not start again: ${String(error)}`)), 1000);
    });
    await service.port(90_000);
  }

  /** SIGKILL: no graceful shutdown, whatever batch is in flight is cut off. */
  async kill(name: string): Promise<void> {
    const service = this.running.get(name);
    if (!service) throw new Error(`${name} is not running`);
    this.stopping.add(name);
    await service.stop('SIGKILL');
    this.output.push(`--- ${name} (killed)\n${service.output().slice(-3000)}`);
  }

  /** SIGTERM, SIGKILL after the deadline; resolves with how each ended. */
  async stopAll(deadlineMs = 20_000): Promise<string[]> {
    return Promise.all(
      [...this.running].map(async ([name, service]) => {
        this.stopping.add(name);
        const timer = setTimeout(() => service.child.kill('SIGKILL'), deadlineMs);
        const code = await service.stop('SIGTERM');
        clearTimeout(timer);
        this.output.push(`--- ${name}\n${service.output().slice(-3000)}`);
        return `${name}: ${code === null ? `killed after ${deadlineMs} ms` : `exit ${code}`}`;
      }),
    );
  }

  /** Rebuilds a service's Redis state from the canonical topics (`apps/<name>/dist/rebuild/main.js`), as `npm run state:rebuild` does. */
  rebuild(name: string): string {
    const root = resolve(__dirname, '../..');
    const result = spawnSync(process.execPath, [resolve(root, `apps/${name}/dist/rebuild/main.js`)], {
      env: { ...process.env, ...this.env },
      encoding: 'utf8',
      timeout: 180_000,
    });
    if (result.status !== 0) throw new Error(`${name} rebuild failed (${result.status ?? result.signal}): ${result.stderr || result.stdout}`);
    return result.stdout.trim().split('\n')[0] ?? '';
  }

  /** The last output of every service (and of those killed or stopped before), for a failure message. */
  readonly output: string[] = [];

  recentOutput(): string {
    return [...this.output, ...[...this.running].map(([name, s]) => `--- ${name}\n${s.output().slice(-2000)}`)].join('\n').slice(-20_000);
  }
}
