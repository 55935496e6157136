import { OpsApiError, type OpsApi, type ReplayReport } from '../api/ops-api';
import { readReplayReport } from '../api/response-shapes';
import type { Command } from '../commands/command';
import { progressBar, progressLine, type ChunkProgress } from '../render/progress';
import { confirmationQuestion, renderReplayReport } from '../render/replay';
import { EXIT, type CliIo, type ExitCode } from './cli-io';
import { chunked, mergeReports, replayFailed } from './replay-plan';

type ReplayCommand = Extract<Command, { kind: 'dlq-replay' }>;

function progressReporter(io: CliIo, label: string): { update(progress: ChunkProgress): void; end(): void } {
  let drawn = false;
  return {
    update(progress) {
      if (io.stderrIsTty) {
        io.errRaw(`\r${label} ${progressBar(progress)}`);
        drawn = true;
      } else io.err(progressLine(progress, label));
    },
    end() {
      if (drawn) io.errRaw('\n');
      drawn = false;
    },
  };
}

function print(io: CliIo, command: ReplayCommand, report: ReplayReport): ExitCode {
  io.out(command.json ? JSON.stringify(report, null, 2) : renderReplayReport(report));
  return replayFailed(report) ? EXIT.foundProblems : EXIT.ok;
}

/**
 * `dlq replay`: a filter is resolved by a dry run (the answer itself when --dry-run); a real replay
 * of more than one record is confirmed unless --yes; ids go in chunks of 50 with progress on stderr.
 * A chunk that fails stops the run: what went out before it is printed, then the problem.
 */
export async function replayDeadLetters(command: ReplayCommand, api: OpsApi, io: CliIo): Promise<ExitCode> {
  const { dryRun, force } = command;
  let ids: readonly number[];
  let preview: ReplayReport | undefined;
  if ('filter' in command.selection) {
    preview = await api.replay({ filter: command.selection.filter, dryRun: true, force });
    if (dryRun) return print(io, command, preview);
    ids = preview.items.map((item) => item.id);
    if (ids.length === 0) {
      io.out(command.json ? JSON.stringify(mergeReports([], false), null, 2) : 'No dead letter matches the filter; nothing replayed.');
      return EXIT.ok;
    }
  } else ids = command.selection.ids;

  if (!dryRun && ids.length > 1 && !command.yes) {
    const answer = await io.confirm(confirmationQuestion(ids.length, preview, force));
    if (answer === undefined) {
      io.err(`error: a real replay of ${ids.length} dead letters needs confirmation; run it on a terminal or pass --yes`);
      return EXIT.usage;
    }
    if (!answer) {
      io.err('Cancelled: nothing was replayed.');
      return EXIT.failure;
    }
  }

  const chunks = chunked(ids);
  const progress = chunks.length > 1 ? progressReporter(io, dryRun ? 'dry run' : 'replay') : undefined;
  const reports: ReplayReport[] = [];
  let done = 0;
  for (const [index, chunk] of chunks.entries()) {
    try {
      reports.push(await api.replay({ ids: chunk, dryRun, force }));
    } catch (error) {
      progress?.end();
      const partial = error instanceof OpsApiError && error.problem.report !== undefined ? partialReport(error.problem.report, dryRun) : undefined;
      if (partial !== undefined) reports.push(partial);
      if (reports.length > 0) {
        print(io, command, mergeReports(reports, dryRun));
        const inChunk = partial === undefined ? '' : `; ${partial.items.filter((item) => item.publish === true).length} of chunk ${index + 1} were sent`;
        io.err(`stopped at chunk ${index + 1}/${chunks.length}: ${done} records of earlier chunks were handled${inChunk} (listed above); the rest were not sent and can be replayed again`);
      }
      throw error;
    }
    done += chunk.length;
    progress?.update({ chunk: index + 1, chunks: chunks.length, done, total: ids.length });
  }
  progress?.end();
  return print(io, command, mergeReports(reports, dryRun));
}

/** The report a 503 "replay incomplete" problem carries (what went out before the publish failed). */
function partialReport(body: unknown, dryRun: boolean): ReplayReport | undefined {
  try {
    return readReplayReport(body, dryRun);
  } catch {
    return undefined;
  }
}
