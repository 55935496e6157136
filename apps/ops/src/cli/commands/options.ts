import { parseArgs } from 'node:util';
import { DEAD_LETTER_STATUSES, type DeadLetterFilter, type DeadLetterStatus } from '../api/ops-api';
import { DEFAULT_OPS_URL, DEV_API_KEY, UsageError, type CliEnvironment, type Connection } from './command';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Accepted by every command. */
export const GLOBAL_OPTIONS = {
  url: { type: 'string' },
  'api-key': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpec;

/** The dead-letter filter flags (dlq list, dlq replay). */
export const FILTER_OPTIONS = {
  service: { type: 'string' },
  code: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  supplier: { type: 'string' },
  facility: { type: 'string' },
  key: { type: 'string' },
  status: { type: 'string' },
} as const satisfies OptionSpec;

export type Values = Record<string, string | boolean | undefined>;

/** parseArgs, strict, with usage errors that name the command. */
export function parseOptions(args: readonly string[], options: OptionSpec, topic: string): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
    return { values: values as Values, positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error), topic);
  }
}

export const stringOf = (values: Values, name: string): string | undefined => {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
};

export const flagOf = (values: Values, name: string): boolean => values[name] === true;

function nonEmpty(values: Values, name: string, topic: string): string | undefined {
  const value = stringOf(values, name);
  if (value === undefined) return undefined;
  if (value.trim() === '') throw new UsageError(`--${name} needs a value`, topic);
  return value.trim();
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** An ISO date or instant, given back as a full ISO instant (UTC). */
export function isoInstant(value: string, flag: string, topic: string): string {
  const at = ISO_INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw new UsageError(`--${flag} must be an ISO date or instant (e.g. 2025-03-01 or 2025-03-01T08:00:00Z), got "${value}"`, topic);
  return new Date(at).toISOString();
}

/** A calendar day YYYY-MM-DD that exists. */
export function calendarDay(value: string, flag: string, topic: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--${flag} must be a day YYYY-MM-DD, got "${value}"`, topic);
  }
  return value;
}

/** A positive whole number (ids, limits). */
export function positiveInteger(value: string, what: string, topic: string): number {
  const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(parsed) || parsed < 1) throw new UsageError(`${what} must be a positive whole number, got "${value}"`, topic);
  return parsed;
}

/** The filter flags as the API's filter; only flags given appear. */
export function filterOf(values: Values, topic: string): DeadLetterFilter {
  const status = nonEmpty(values, 'status', topic)?.toUpperCase();
  if (status !== undefined && !DEAD_LETTER_STATUSES.includes(status as DeadLetterStatus)) {
    throw new UsageError(`--status must be one of ${DEAD_LETTER_STATUSES.join(', ')}, got "${status}"`, topic);
  }
  const since = nonEmpty(values, 'since', topic);
  const until = nonEmpty(values, 'until', topic);
  const from = since === undefined ? undefined : isoInstant(since, 'since', topic);
  const to = until === undefined ? undefined : isoInstant(until, 'until', topic);
  if (from !== undefined && to !== undefined && from >= to) throw new UsageError('--since must be before --until', topic);
  const filter: Record<string, string | undefined> = {
    service: nonEmpty(values, 'service', topic),
    errorCode: nonEmpty(values, 'code', topic),
    from,
    to,
    supplierId: nonEmpty(values, 'supplier', topic),
    facilityId: nonEmpty(values, 'facility', topic),
    businessKey: nonEmpty(values, 'key', topic),
    status,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined)) as DeadLetterFilter;
}

/** --url / --api-key over PROCURELINK_OPS_URL / PROCURELINK_API_KEY over the defaults. */
export function connectionOf(values: Values, env: CliEnvironment, topic: string): Connection {
  const rawUrl = stringOf(values, 'url') ?? (env.opsUrl?.trim() || DEFAULT_OPS_URL);
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UsageError(`the ops URL must be an http(s) URL (--url or PROCURELINK_OPS_URL), got "${rawUrl}"`, topic);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`the ops URL must be an http(s) URL (--url or PROCURELINK_OPS_URL), got "${rawUrl}"`, topic);
  }
  const apiKey = stringOf(values, 'api-key') ?? (env.apiKey === undefined || env.apiKey === '' ? DEV_API_KEY : env.apiKey);
  if (apiKey.trim() === '') throw new UsageError('the API key is empty (--api-key or PROCURELINK_API_KEY)', topic);
  return { url: url.toString().replace(/\/+$/, ''), apiKey: apiKey.trim() };
}
