import { OpsApiError, type OpsApi } from '../api/ops-api';
import { UnexpectedResponse } from '../api/response-shapes';
import type { CliEnvironment, Command, Connection } from '../commands/command';
import { parseCommandLine } from '../commands/parse-command-line';
import { renderDeadLetter, renderDeadLetterList } from '../render/dead-letters';
import { renderProblem } from '../render/problem';
import { mismatchCount, renderReconciliation, runFailure } from '../render/reconciliation';
import { renderTrace } from '../render/trace';
import { EXIT, type CliIo, type ExitCode } from './cli-io';
import { replayDeadLetters } from './dlq-replay.action';

const json = (value: unknown): string => JSON.stringify(value, null, 2);

async function execute(command: Command, api: OpsApi, io: CliIo): Promise<ExitCode> {
  switch (command.kind) {
    case 'dlq-list': {
      const page = await api.listDeadLetters(command.query);
      io.out(command.json ? json(page) : renderDeadLetterList(page));
      return EXIT.ok;
    }
    case 'dlq-show': {
      const detail = await api.getDeadLetter(command.id);
      io.out(command.json ? json(detail) : renderDeadLetter(detail));
      return EXIT.ok;
    }
    case 'dlq-replay':
      return replayDeadLetters(command, api, io);
    case 'reconcile': {
      const report = await api.runReconciliation({
        ...(command.day === undefined ? {} : { day: command.day }),
        ...(command.facilityId === undefined ? {} : { facilityId: command.facilityId }),
      });
      io.out(command.json ? json(report) : renderReconciliation(report));
      const failure = runFailure(report);
      if (failure !== undefined) {
        io.err(`error: the reconciliation run failed: ${failure}`);
        return EXIT.failure;
      }
      return mismatchCount(report) > 0 ? EXIT.foundProblems : EXIT.ok;
    }
    case 'trace': {
      const trace = await api.trace(command.businessKey);
      io.out(command.json ? json(trace) : renderTrace(trace));
      return EXIT.ok;
    }
  }
}

/** The whole CLI: parse, run over the API the factory gives for the connection, print, answer the exit code. */
export async function runCli(argv: readonly string[], env: CliEnvironment, io: CliIo, apiFor: (connection: Connection) => OpsApi): Promise<ExitCode> {
  const invocation = parseCommandLine(argv, env);
  if (invocation.kind === 'help') {
    io.out(invocation.text);
    return EXIT.ok;
  }
  if (invocation.kind === 'usage-error') {
    io.err(`procurelink: ${invocation.message}\n${invocation.helpHint}`);
    return EXIT.usage;
  }
  try {
    return await execute(invocation.command, apiFor(invocation.connection), io);
  } catch (error) {
    if (error instanceof OpsApiError) io.err(invocation.command.json ? json(error.problem) : renderProblem(error.problem));
    else if (error instanceof UnexpectedResponse) io.err(`error: ${error.message}`);
    else io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT.failure;
  }
}
