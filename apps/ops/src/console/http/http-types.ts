/** The few parts of Express' request and response the console uses. */
export interface ConsoleRequest {
  readonly method: string;
  readonly originalUrl: string;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body?: unknown;
  readonly ip?: string;
  readonly socket?: { readonly remoteAddress?: string };
}

export interface ConsoleResponse {
  status(code: number): ConsoleResponse;
  setHeader(name: string, value: string | string[]): unknown;
  send(body: string | Buffer): unknown;
  redirect(status: number, url: string): unknown;
}

export const header = (request: ConsoleRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** Answers an RFC 9457 problem, like the /v1 API. */
export function sendProblem(response: ConsoleResponse, status: number, slug: string, title: string, detail: string): void {
  response.status(status).setHeader('content-type', 'application/problem+json');
  response.send(JSON.stringify({ type: `urn:procurelink:problem:${slug}`, title, status, detail }));
}

/** Pages must send this header on every POST: a cross-site form cannot, so it defeats CSRF with SameSite=Strict. */
export const CSRF_HEADER = 'x-procurelink-console';
