/** Where a command writes; process.stdout and process.stderr in production, buffers in tests. */
export interface CommandOutput {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
}
