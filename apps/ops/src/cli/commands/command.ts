import type { DeadLetterFilter, DeadLetterQuery } from '../api/ops-api';

export const DEFAULT_OPS_URL = 'http://127.0.0.1:3105';
export const DEV_API_KEY = 'procurelink-dev-key';

/** Where the CLI's settings come from besides flags (read in main.ts only). */
export interface CliEnvironment {
  /** PROCURELINK_OPS_URL */
  readonly opsUrl?: string;
  /** PROCURELINK_API_KEY */
  readonly apiKey?: string;
}

export interface Connection {
  readonly url: string;
  readonly apiKey: string;
}

export type Command =
  | { readonly kind: 'dlq-list'; readonly query: DeadLetterQuery; readonly json: boolean }
  | { readonly kind: 'dlq-show'; readonly id: number; readonly json: boolean }
  | {
      readonly kind: 'dlq-replay';
      readonly selection: { readonly ids: readonly number[] } | { readonly filter: DeadLetterFilter };
      readonly dryRun: boolean;
      readonly force: boolean;
      readonly yes: boolean;
      readonly json: boolean;
    }
  | { readonly kind: 'reconcile'; readonly day?: string; readonly facilityId?: string; readonly json: boolean }
  | { readonly kind: 'trace'; readonly businessKey: string; readonly json: boolean };

/** What the command line asks for: run a command, print a help text, or a usage error. */
export type Invocation =
  | { readonly kind: 'run'; readonly command: Command; readonly connection: Connection }
  | { readonly kind: 'help'; readonly text: string }
  | { readonly kind: 'usage-error'; readonly message: string; readonly helpHint: string };

/** A command line that cannot run; `topic` names the help that explains it (e.g. "dlq replay"). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly topic: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
