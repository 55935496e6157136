import { UsageError, type Command } from './command';
import { filterOf, FILTER_OPTIONS, flagOf, GLOBAL_OPTIONS, parseOptions, positiveInteger } from './options';

export const DLQ_REPLAY_OPTIONS = {
  ...GLOBAL_OPTIONS,
  ...FILTER_OPTIONS,
  'dry-run': { type: 'boolean' },
  force: { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
} as const;

/** Ids or a filter, never both and never neither (an empty selection would mean "everything"). */
export function parseDlqReplay(args: readonly string[]): { command: Command; values: Record<string, unknown> } {
  const topic = 'dlq replay';
  const { values, positionals } = parseOptions(args, DLQ_REPLAY_OPTIONS, topic);
  const filter = filterOf(values, topic);
  const hasFilter = Object.keys(filter).length > 0;
  if (positionals.length > 0 && hasFilter) throw new UsageError('give ids or filter flags, not both', topic);
  if (positionals.length === 0 && !hasFilter) throw new UsageError('which dead letters? give their ids or at least one filter flag', topic);
  const ids = [...new Set(positionals.map((id) => positiveInteger(id, 'an id', topic)))];
  return {
    command: {
      kind: 'dlq-replay',
      selection: hasFilter ? { filter } : { ids },
      dryRun: flagOf(values, 'dry-run'),
      force: flagOf(values, 'force'),
      yes: flagOf(values, 'yes'),
      json: flagOf(values, 'json'),
    },
    values,
  };
}
