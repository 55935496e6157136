import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StackError } from './errors.ts';

/**
 * Processes the stack started, tracked by PID file. A PID counts as ours only while its
 * command line still carries our marker, so a recycled PID is never signalled.
 */
export interface ManagedProcess {
  readonly pidFile: string;
  readonly logFile: string;
  /** A string on the process's command line that identifies it as this stack's. */
  readonly marker: string;
}

export function readPid(proc: ManagedProcess): number | undefined {
  if (!existsSync(proc.pidFile)) return undefined;
  const pid = Number(readFileSync(proc.pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function commandLine(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return undefined;
  }
}

/** The PID of our running process, or undefined (a stale PID file is removed). */
export function runningPid(proc: ManagedProcess): number | undefined {
  const pid = readPid(proc);
  if (pid === undefined) return undefined;
  const cmd = commandLine(pid);
  if (cmd !== undefined && cmd.includes(proc.marker)) return pid;
  rmSync(proc.pidFile, { force: true });
  return undefined;
}

export function startDetached(
  proc: ManagedProcess,
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): number {
  mkdirSync(dirname(proc.logFile), { recursive: true });
  mkdirSync(dirname(proc.pidFile), { recursive: true });
  const log = openSync(proc.logFile, 'a');
  try {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      detached: true,
      stdio: ['ignore', log, log],
    });
    if (child.pid === undefined) throw new Error(`could not start ${command}`);
    child.unref();
    writeFileSync(proc.pidFile, `${child.pid}\n`);
    return child.pid;
  } finally {
    closeSync(log);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL after the grace period; returns how the process ended. */
export async function stopProcess(proc: ManagedProcess, graceMs: number): Promise<'not-running' | 'stopped' | 'killed'> {
  const pid = runningPid(proc);
  if (pid === undefined) return 'not-running';
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!alive(pid) || commandLine(pid) === undefined) {
      rmSync(proc.pidFile, { force: true });
      return 'stopped';
    }
    await sleep(200);
  }
  process.kill(pid, 'SIGKILL');
  rmSync(proc.pidFile, { force: true });
  return 'killed';
}

/** Throws with the log's last lines when a process we started has exited. */
export function assertAlive(proc: ManagedProcess, what: string, hint: string): void {
  if (runningPid(proc) !== undefined) return;
  throw new StackError(`${what} exited during start-up; last lines of ${proc.logFile}:\n${tail(proc.logFile, 15)}`, hint);
}

export function tail(file: string, lines: number): string {
  if (!existsSync(file)) return '(no log yet)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
