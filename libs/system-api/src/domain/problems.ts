/** One reason a request is invalid, located by a JSON path into the body (e.g. `lines[0].quantity`). */
export interface FieldProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** An RFC 9457 problem details body. */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const TYPE_BASE = 'urn:procurelink:problem:';

/**
 * An error that answers as a problem: its status, a stable `slug` (the `type` URI ends with it),
 * a title, a detail that must never carry secrets or request bodies, and optional extensions.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Readonly<Record<string, unknown>> = {},
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }

  toProblem(): ProblemDetails {
    return { type: `${TYPE_BASE}${this.slug}`, title: this.title, status: this.status, detail: this.detail, ...this.extensions };
  }
}

/** 400 with the field paths that are wrong. */
export class InvalidRequest extends ApiProblem {
  constructor(readonly problems: readonly FieldProblem[]) {
    super(400, 'invalid-request', 'Invalid request', `${problems.length} problem(s) in the request`, { problems: [...problems] });
    this.name = 'InvalidRequest';
  }
}

export const problemType = (slug: string): string => `${TYPE_BASE}${slug}`;

const TITLES: Record<number, [string, string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  409: ['conflict', 'Conflict'],
  413: ['payload-too-large', 'Payload too large'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['unprocessable', 'Unprocessable content'],
  429: ['too-many-requests', 'Too many requests'],
  503: ['unavailable', 'Service unavailable'],
};

/** A problem for a bare HTTP status (500 and unknown statuses never carry a detail of their own). */
export function statusProblem(status: number, detail: string | undefined): ProblemDetails {
  const [slug, title] = TITLES[status] ?? (status >= 500 ? ['internal', 'Internal error'] : ['error', 'Error']);
  const safe = status >= 500 ? 'the request could not be completed' : (detail ?? title);
  return { type: problemType(slug), title, status, detail: safe };
}

/**
 * The problem for an error raised by the JSON body parser (body-parser's `type` field). The
 * parser's own message quotes the body, so it is never used. Any other 4xx it raises (a gzip body
 * that does not inflate, an empty encoded body) is the client's fault, answered by its status.
 */
export function bodyParserProblem(type: string | undefined, limitBytes: number, status?: number): ProblemDetails | undefined {
  switch (type) {
    case 'entity.too.large':
      return { type: problemType('payload-too-large'), title: 'Payload too large', status: 413, detail: `the body exceeds ${limitBytes} bytes` };
    case 'entity.parse.failed':
      return { type: problemType('malformed-json'), title: 'Malformed JSON', status: 400, detail: 'the body is not valid JSON' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { type: problemType('unsupported-media-type'), title: 'Unsupported media type', status: 415, detail: 'the body must be UTF-8 JSON' };
    case 'request.aborted':
    case 'request.size.invalid':
      return { type: problemType('bad-request'), title: 'Bad request', status: 400, detail: 'the body was incomplete' };
    default:
      return status !== undefined && status >= 400 && status < 500 ? statusProblem(status, 'the body could not be read') : undefined;
  }
}
