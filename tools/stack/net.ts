import { connect, createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { StackError } from './errors.ts';

/** True when something accepts TCP connections on host:port. */
export function isPortOpen(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = connect({ host, port });
    const done = (open: boolean): void => {
      socket.destroy();
      resolvePromise(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when this process could bind host:port right now. */
export function canBind(host: string, port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolvePromise(true)));
  });
}

export async function requireFreePort(host: string, port: number, variable: string, what: string): Promise<void> {
  if (!(await canBind(host, port))) {
    throw new StackError(
      `port ${port} on ${host} is taken by another process, so ${what} cannot start`,
      `stop that process (ss -ltnp 'sport = :${port}' shows it) or set ${variable} to a free port`,
    );
  }
}

export interface WaitOptions {
  readonly timeoutMs: number;
  readonly what: string;
  readonly hint: string;
  /** Called between attempts; throwing stops the wait at once (e.g. the process died). */
  readonly stillAlive?: () => void;
}

/** Polls `ready` until it is true, within a deadline. */
export async function waitUntil(ready: () => Promise<boolean>, options: WaitOptions): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await ready()) return Date.now() - started;
    options.stillAlive?.();
    if (Date.now() - started > options.timeoutMs) {
      throw new StackError(`${options.what} was not ready within ${Math.round(options.timeoutMs / 1000)} s`, options.hint);
    }
    await sleep(250);
  }
}
