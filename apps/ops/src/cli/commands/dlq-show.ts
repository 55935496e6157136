import { UsageError, type Command } from './command';
import { flagOf, GLOBAL_OPTIONS, parseOptions, positiveInteger } from './options';

export function parseDlqShow(args: readonly string[]): { command: Command; values: Record<string, unknown> } {
  const topic = 'dlq show';
  const { values, positionals } = parseOptions(args, GLOBAL_OPTIONS, topic);
  const [id] = positionals;
  if (id === undefined || positionals.length > 1) throw new UsageError(id === undefined ? 'which dead letter? give its id' : 'give exactly one id', topic);
  return { command: { kind: 'dlq-show', id: positiveInteger(id, 'the id', topic), json: flagOf(values, 'json') }, values };
}
