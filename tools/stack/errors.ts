/**
 * A failure the operator can act on: `message` says what went wrong, `hint` says what to do.
 * The CLI prints both on one line each and exits 1, never a stack trace.
 */
export class StackError extends Error {
  readonly hint: string | undefined;

  constructor(message: string, hint?: string) {
    super(message);
    this.name = 'StackError';
    this.hint = hint;
  }
}
