#!/usr/bin/env node
/**
 * The local stack: Kafka (KRaft), the schema registry, Redis and PostgreSQL on 127.0.0.1.
 *   npm run stack -- up | down | status | is-up | logs [kafka|registry|redis|maven] [--lines N] | env
 * Settings come from PROCURELINK_* variables (see tools/stack/config.ts and the README).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Component, ComponentStatus } from './component.ts';
import { clientEnv, parseStackConfig, type StackConfig } from './config.ts';
import { requireMaven } from './downloads.ts';
import { StackError } from './errors.ts';
import { kafkaComponent } from './kafka.ts';
import { postgresComponent } from './postgres.ts';
import { tail } from './processes.ts';
import { redisComponent } from './redis.ts';
import { registryComponent } from './registry.ts';

const USAGE = 'usage: npm run stack -- up | down | status | is-up | logs [kafka|registry|redis|maven] [--lines N] | env';

function components(config: StackConfig): Component[] {
  return [postgresComponent(config), redisComponent(config), kafkaComponent(config), registryComponent(config)];
}

function formatStatus(status: ComponentStatus): string {
  const state = status.state === 'external' ? 'running (not started by the stack)' : status.state;
  const extra = [status.pid ? `pid ${status.pid}` : '', status.rssMiB ? `${status.rssMiB} MiB` : ''].filter(Boolean);
  return `  ${status.name.padEnd(9)} ${state.padEnd(34)} ${status.address}${extra.length ? `  (${extra.join(', ')})` : ''}`;
}

async function up(config: StackConfig): Promise<void> {
  requireMaven();
  const started = Date.now();
  for (const component of components(config)) console.log(`  ${await component.up()}`);
  console.log(`stack up in ${((Date.now() - started) / 1000).toFixed(1)} s; state and logs in ${config.home}`);
  for (const [key, value] of Object.entries(clientEnv(config))) console.log(`  ${key}=${value}`);
}

async function down(config: StackConfig): Promise<void> {
  for (const component of components(config).reverse()) console.log(`  ${await component.down()}`);
}

async function status(config: StackConfig): Promise<number> {
  const all = await Promise.all(components(config).map((c) => c.status()));
  for (const s of all) console.log(formatStatus(s));
  return all.every((s) => s.state !== 'stopped') ? 0 : 3;
}

function logs(config: StackConfig, args: readonly string[]): void {
  const linesAt = args.indexOf('--lines');
  const lines = linesAt >= 0 ? Number(args[linesAt + 1]) : 40;
  const names = args.filter((a, i) => !a.startsWith('--') && (linesAt < 0 || i !== linesAt + 1));
  const files: Record<string, string> = {
    kafka: join(config.home, 'logs', 'kafka.log'),
    registry: join(config.home, 'logs', 'registry.log'),
    redis: join(config.home, 'logs', 'redis.log'),
    maven: join(config.home, 'logs', 'maven.log'),
  };
  const chosen = names.length > 0 ? names : ['kafka', 'registry'];
  for (const name of chosen) {
    const file = files[name];
    if (!file) throw new StackError(`no log called ${name}`, `choose from ${Object.keys(files).join(', ')}`);
    console.log(`==> ${file} <==`);
    console.log(existsSync(file) ? tail(file, lines) : '(no log yet)');
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = parseStackConfig(process.env, resolve(import.meta.dirname, '../..'));
  switch (command) {
    case 'up':
      await up(config);
      return 0;
    case 'down':
      await down(config);
      return 0;
    case 'status':
      return status(config);
    case 'logs':
      logs(config, rest);
      return 0;
    case 'is-up': {
      // Exit 0 when this checkout's stack (Kafka and the registry) is running; scripts use it
      // to leave a stack they did not start alone.
      const all = await Promise.all(components(config).map((c) => c.status()));
      return all.filter((s) => s.name === 'kafka' || s.name === 'registry').every((s) => s.state === 'running') ? 0 : 1;
    }
    case 'env':
      for (const [key, value] of Object.entries(clientEnv(config))) console.log(`export ${key}=${value}`);
      return 0;
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof StackError) {
      console.error(`stack: ${error.message}`);
      if (error.hint) console.error(`  what to do: ${error.hint}`);
    } else {
      console.error(`stack: unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  },
);
