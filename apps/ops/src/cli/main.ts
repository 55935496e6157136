#!/usr/bin/env node
import { createInterface } from 'node:readline/promises';
import { runCli } from './actions/run-cli';
import type { CliIo } from './actions/cli-io';
import { FetchOpsApi } from './infra/fetch-ops-api';

// `procurelink ...` (npm run procurelink -- ...): the ops CLI. Settings: PROCURELINK_OPS_URL, PROCURELINK_API_KEY.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0); // `procurelink dlq list | head`
  throw error;
});

const io: CliIo = {
  out: (text) => void process.stdout.write(`${text}\n`),
  err: (text) => void process.stderr.write(`${text}\n`),
  errRaw: (text) => void process.stderr.write(text),
  stderrIsTty: process.stderr.isTTY === true,
  async confirm(question) {
    if (!process.stdin.isTTY) return undefined;
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return /^y(es)?$/i.test((await prompt.question(question)).trim());
    } finally {
      prompt.close();
    }
  },
};

runCli(process.argv.slice(2), { opsUrl: process.env['PROCURELINK_OPS_URL'], apiKey: process.env['PROCURELINK_API_KEY'] }, io, (connection) => new FetchOpsApi({ baseUrl: connection.url, apiKey: connection.apiKey })).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`procurelink: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
