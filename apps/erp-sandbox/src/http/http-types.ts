/**
 * The parts of Express's request and response the sandbox uses, declared here because the
 * workspace carries no @types/express; Nest hands the Express objects to @Req() / @Res().
 */
export interface HttpRequest {
  readonly method: string;
  /** The path without the query string. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
  readonly query: Readonly<Record<string, unknown>>;
  is(type: string): string | false | null;
  readonly socket: { destroy(): void };
}

export interface HttpResponse {
  status(code: number): HttpResponse;
  setHeader(name: string, value: string): HttpResponse;
  json(body: unknown): HttpResponse;
  on(event: 'close' | 'finish', listener: () => void): HttpResponse;
  readonly writableEnded: boolean;
  readonly headersSent: boolean;
}
