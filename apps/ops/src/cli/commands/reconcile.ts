import { UsageError, type Command } from './command';
import { calendarDay, flagOf, GLOBAL_OPTIONS, parseOptions, stringOf } from './options';

export const RECONCILE_OPTIONS = { ...GLOBAL_OPTIONS, day: { type: 'string' }, facility: { type: 'string' } } as const;

export function parseReconcile(args: readonly string[]): { command: Command; values: Record<string, unknown> } {
  const topic = 'reconcile';
  const { values, positionals } = parseOptions(args, RECONCILE_OPTIONS, topic);
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, topic);
  const day = stringOf(values, 'day');
  const facility = stringOf(values, 'facility')?.trim();
  if (facility === '') throw new UsageError('--facility needs a value', topic);
  return {
    command: {
      kind: 'reconcile',
      ...(day === undefined ? {} : { day: calendarDay(day, 'day', topic) }),
      ...(facility === undefined ? {} : { facilityId: facility }),
      json: flagOf(values, 'json'),
    },
    values,
  };
}
