import { parseCommandLine } from './parse-command-line';
import type { CliEnvironment, Invocation } from './command';

const NO_ENV: CliEnvironment = {};
const run = (line: string, env: CliEnvironment = NO_ENV): Invocation => parseCommandLine(line === '' ? [] : line.split(' '), env);
const command = (line: string, env: CliEnvironment = NO_ENV) => {
  const invocation = run(line, env);
  if (invocation.kind !== 'run') throw new Error(`expected a command, got ${JSON.stringify(invocation)}`);
  return invocation;
};
const usageError = (line: string): string => {
  const invocation = run(line);
  if (invocation.kind !== 'usage-error') throw new Error(`expected a usage error, got ${JSON.stringify(invocation)}`);
  return invocation.message;
};

describe('the procurelink command line', () => {
  describe('dlq list', () => {
    it('turns every filter flag into the API filter it names', () => {
      const { command: parsed } = command('dlq list --service invoice-sync --code INVALID_INPUT --since 2025-03-01 --until 2025-03-02T12:00:00Z --supplier SUP-1 --facility F-01 --key INV-9 --status replayed --limit 20 --after 41');
      expect(parsed).toEqual({
        kind: 'dlq-list',
        json: false,
        query: {
          service: 'invoice-sync',
          errorCode: 'INVALID_INPUT',
          from: '2025-03-01T00:00:00.000Z',
          to: '2025-03-02T12:00:00.000Z',
          supplierId: 'SUP-1',
          facilityId: 'F-01',
          businessKey: 'INV-9',
          status: 'REPLAYED',
          limit: 20,
          after: '41',
        },
      });
    });

    it('sends no filter at all when none is given, and --json asks for JSON', () => {
      expect(command('dlq list --json').command).toEqual({ kind: 'dlq-list', query: {}, json: true });
    });

    it.each([
      ['dlq list --since yesterday', '--since must be an ISO date or instant'],
      ['dlq list --since 2025-03-02 --until 2025-03-01', '--since must be before --until'],
      ['dlq list --status LOST', '--status must be one of OPEN, REPLAYED, RESOLVED'],
      ['dlq list --limit 0', '--limit must be a positive whole number'],
      ['dlq list --limit ten', '--limit must be a positive whole number'],
      ['dlq list --colour', "Unknown option '--colour'"],
      ['dlq list extra', 'unexpected argument "extra"'],
    ])('refuses %s', (line, message) => {
      expect(usageError(line)).toContain(message);
    });
  });

  describe('dlq show', () => {
    it('takes one numeric id', () => {
      expect(command('dlq show 42 --json').command).toEqual({ kind: 'dlq-show', id: 42, json: true });
    });

    it.each([
      ['dlq show', 'which dead letter?'],
      ['dlq show 1 2', 'give exactly one id'],
      ['dlq show abc', 'the id must be a positive whole number'],
    ])('refuses %s', (line, message) => expect(usageError(line)).toContain(message));
  });

  describe('dlq replay', () => {
    it('replays ids (each once) for real unless --dry-run', () => {
      expect(command('dlq replay 3 1 3').command).toEqual({ kind: 'dlq-replay', selection: { ids: [3, 1] }, dryRun: false, force: false, yes: false, json: false });
      expect(command('dlq replay 7 --dry-run --force -y').command).toMatchObject({ selection: { ids: [7] }, dryRun: true, force: true, yes: true });
    });

    it('replays a filter given by the same flags as dlq list', () => {
      expect(command('dlq replay --service po-sync --code TARGET_REJECTED --yes').command).toMatchObject({
        selection: { filter: { service: 'po-sync', errorCode: 'TARGET_REJECTED' } },
        yes: true,
      });
    });

    it.each([
      ['dlq replay', 'give their ids or at least one filter flag'],
      ['dlq replay --dry-run', 'give their ids or at least one filter flag'],
      ['dlq replay 4 --service po-sync', 'give ids or filter flags, not both'],
      ['dlq replay 4 -1', "Unknown option '-1'"],
      ['dlq replay --limit 5', "Unknown option '--limit'"],
    ])('refuses %s', (line, message) => expect(usageError(line)).toContain(message));
  });

  describe('reconcile and trace', () => {
    it('reconciles a day and a facility, or leaves both to the service', () => {
      expect(command('reconcile --day 2025-02-28 --facility F-02').command).toEqual({ kind: 'reconcile', day: '2025-02-28', facilityId: 'F-02', json: false });
      expect(command('reconcile').command).toEqual({ kind: 'reconcile', json: false });
    });

    it('refuses a day that does not exist', () => {
      expect(usageError('reconcile --day 2025-02-30')).toContain('--day must be a day YYYY-MM-DD');
      expect(usageError('reconcile --day 2025-2-3')).toContain('--day must be a day YYYY-MM-DD');
    });

    it('traces one business key', () => {
      expect(command('trace PO-1001').command).toEqual({ kind: 'trace', businessKey: 'PO-1001', json: false });
      expect(usageError('trace')).toContain('give a business key');
      expect(usageError('trace A B')).toContain('exactly one business key');
    });
  });

  describe('the connection', () => {
    it('defaults to the local ops service and the development key', () => {
      expect(command('trace K').connection).toEqual({ url: 'http://127.0.0.1:3105', apiKey: 'procurelink-dev-key' });
    });

    it('takes PROCURELINK_OPS_URL and PROCURELINK_API_KEY, and flags over them (before or after the command)', () => {
      const env = { opsUrl: 'https://ops.example:8443/', apiKey: 'from-env' };
      expect(command('trace K', env).connection).toEqual({ url: 'https://ops.example:8443', apiKey: 'from-env' });
      expect(command('--url http://10.0.0.5:3105 trace K --api-key=from-flag', env).connection).toEqual({ url: 'http://10.0.0.5:3105', apiKey: 'from-flag' });
      expect(command('--api-key from-flag dlq list', env).connection.apiKey).toBe('from-flag');
    });

    it('refuses a URL that is not http(s) and an empty key', () => {
      expect(usageError('trace K --url ftp://ops')).toContain('must be an http(s) URL');
      expect(usageError('trace K --url not-a-url')).toContain('must be an http(s) URL');
      expect(usageError('trace K --api-key=')).toContain('the API key is empty');
    });
  });

  describe('help and usage errors', () => {
    it.each([
      ['--help', 'Usage: procurelink <command>'],
      ['-h', 'Usage: procurelink <command>'],
      ['help', 'Usage: procurelink <command>'],
      ['dlq --help', 'procurelink dlq list [filters]'],
      ['dlq list --help', 'procurelink dlq list — list dead letters'],
      ['dlq show -h', 'Usage: procurelink dlq show <id>'],
      ['dlq replay --help', '--dry-run'],
      ['help dlq replay', '--dry-run'],
      ['reconcile --help', '--day <YYYY-MM-DD>'],
      ['trace --help', 'Usage: procurelink trace <business key>'],
    ])('%s prints its help', (line, text) => {
      const invocation = run(line);
      expect(invocation.kind).toBe('help');
      expect(invocation.kind === 'help' && invocation.text).toContain(text);
    });

    it('asks for a command and points at the help of the command that went wrong', () => {
      expect(run('')).toEqual({ kind: 'usage-error', message: 'give a command', helpHint: "Run 'procurelink --help' for usage." });
      expect(run('dlq replay')).toMatchObject({ kind: 'usage-error', helpHint: "Run 'procurelink dlq replay --help' for usage." });
      expect(run('dlq')).toMatchObject({ kind: 'usage-error', message: 'give a dlq command: list, show or replay', helpHint: "Run 'procurelink dlq --help' for usage." });
      expect(usageError('dlq purge')).toContain('unknown dlq command "purge"');
      expect(usageError('deploy')).toContain('unknown command "deploy"');
      expect(usageError('--verbose dlq list')).toContain("unknown option '--verbose'");
      expect(usageError('--url')).toContain("'--url' needs a value");
    });
  });
});
