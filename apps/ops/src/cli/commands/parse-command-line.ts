import { UsageError, type CliEnvironment, type Command, type Invocation } from './command';
import { parseDlqList } from './dlq-list';
import { parseDlqReplay } from './dlq-replay';
import { parseDlqShow } from './dlq-show';
import { HELP, helpHint } from './help';
import { connectionOf, type Values } from './options';
import { parseReconcile } from './reconcile';
import { parseTrace } from './trace';

type Parser = (args: readonly string[]) => { command: Command; values: Record<string, unknown> };

const PARSERS: Readonly<Record<string, Parser>> = {
  'dlq list': parseDlqList,
  'dlq show': parseDlqShow,
  'dlq replay': parseDlqReplay,
  reconcile: parseReconcile,
  trace: parseTrace,
};

const GLOBAL_WITH_VALUE = new Set(['--url', '--api-key']);
const GLOBAL_FLAGS = new Set(['--json', '--help', '-h']);

/** Global options may come before the command: `procurelink --url http://ops:3105 dlq list`. */
function splitLeadingOptions(argv: readonly string[]): { leading: string[]; rest: string[] } {
  const leading: string[] = [];
  let i = 0;
  for (let token = argv[0]; token?.startsWith('-'); token = argv[i]) {
    const name = token.split('=')[0] ?? token;
    const value = argv[i + 1];
    if (GLOBAL_WITH_VALUE.has(name)) {
      if (token.includes('=')) leading.push(token);
      else {
        if (value === undefined) throw new UsageError(`option '${token}' needs a value`, '');
        leading.push(token, value);
        i += 1;
      }
    } else if (GLOBAL_FLAGS.has(token)) leading.push(token);
    else throw new UsageError(`unknown option '${token}' before the command`, '');
    i += 1;
  }
  return { leading, rest: argv.slice(i) };
}

const asksForHelp = (args: readonly string[]): boolean => {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((token) => token === '--help' || token === '-h');
};

/** The command line (without node and the script) → what to do. Pure: the environment is passed in. */
export function parseCommandLine(argv: readonly string[], env: CliEnvironment): Invocation {
  let topic = '';
  try {
    const { leading, rest } = splitLeadingOptions(argv);
    const [word, sub] = rest;
    if (word === 'help') return help(rest.slice(1).join(' '));
    if (word === undefined) {
      if (asksForHelp(leading)) return help('');
      throw new UsageError('give a command', '');
    }
    if (word === 'dlq') {
      topic = 'dlq';
      if (sub === undefined || sub === '--help' || sub === '-h') {
        if (sub === undefined && !asksForHelp(leading)) throw new UsageError('give a dlq command: list, show or replay', topic);
        return help(topic);
      }
      if (PARSERS[`dlq ${sub}`] === undefined) throw new UsageError(`unknown dlq command "${sub}" (list, show, replay)`, topic);
      topic = `dlq ${sub}`;
    } else if (PARSERS[word] !== undefined) topic = word;
    else throw new UsageError(`unknown command "${word}"`, '');
    const args = [...leading, ...rest.slice(topic.split(' ').length)];
    if (asksForHelp(args)) return help(topic);
    const parser = PARSERS[topic];
    if (parser === undefined) throw new UsageError(`unknown command "${topic}"`, '');
    const { command, values } = parser(args);
    return { kind: 'run', command, connection: connectionOf(values as Values, env, topic) };
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'usage-error', message: error.message, helpHint: helpHint(error.topic) };
    throw error;
  }
}

function help(topic: string): Invocation {
  const text = HELP[topic.trim()];
  if (text === undefined) throw new UsageError(`no help on "${topic}"`, '');
  return { kind: 'help', text };
}
