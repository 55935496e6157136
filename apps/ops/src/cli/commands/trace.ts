import { UsageError, type Command } from './command';
import { flagOf, GLOBAL_OPTIONS, parseOptions } from './options';

export function parseTrace(args: readonly string[]): { command: Command; values: Record<string, unknown> } {
  const topic = 'trace';
  const { values, positionals } = parseOptions(args, GLOBAL_OPTIONS, topic);
  const key = positionals.join(' ').trim();
  if (positionals.length !== 1 || key === '') throw new UsageError(positionals.length === 0 ? 'which chain? give a business key' : 'give exactly one business key (quote it if it has spaces)', topic);
  return { command: { kind: 'trace', businessKey: key, json: flagOf(values, 'json') }, values };
}
