import type { Command } from './command';
import { filterOf, FILTER_OPTIONS, flagOf, GLOBAL_OPTIONS, parseOptions, positiveInteger, stringOf } from './options';
import { UsageError } from './command';

export const DLQ_LIST_OPTIONS = { ...GLOBAL_OPTIONS, ...FILTER_OPTIONS, limit: { type: 'string' }, after: { type: 'string' } } as const;

export function parseDlqList(args: readonly string[]): { command: Command; values: Record<string, unknown> } {
  const topic = 'dlq list';
  const { values, positionals } = parseOptions(args, DLQ_LIST_OPTIONS, topic);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, topic);
  const limit = stringOf(values, 'limit');
  const after = stringOf(values, 'after');
  const query = {
    ...filterOf(values, topic),
    ...(limit === undefined ? {} : { limit: positiveInteger(limit, '--limit', topic) }),
    ...(after === undefined || after === '' ? {} : { after }),
  };
  return { command: { kind: 'dlq-list', query, json: flagOf(values, 'json') }, values };
}
