/** The terminal, as the commands see it (main.ts gives the process's; tests give their own). */
export interface CliIo {
  /** a line (or block) on stdout */
  out(text: string): void;
  /** a line (or block) on stderr */
  err(text: string): void;
  /** raw text on stderr, no newline added (the progress bar's \r redraws) */
  errRaw(text: string): void;
  /** whether stderr is a terminal: a redrawn bar there, plain lines otherwise */
  readonly stderrIsTty: boolean;
  /** ask a yes/no question; undefined when there is no terminal to ask */
  confirm(question: string): Promise<boolean | undefined>;
}

export const EXIT = { ok: 0, failure: 1, usage: 2, foundProblems: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
