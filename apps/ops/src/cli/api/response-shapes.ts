import type { DeadLetterPage, JsonObject, Problem, ReplayReport, ReplayVerdict } from './ops-api';

/*
 * Reading the API's JSON into the CLI's types, in one place. The shapes are documented in
 * ../README.md; where the service may name a field in more than one way (a list under `items`
 * or as a bare array), the readers accept both, and say clearly what they could not read.
 */

export class UnexpectedResponse extends Error {
  constructor(what: string) {
    super(`the ops API answered ${what}`);
    this.name = 'UnexpectedResponse';
  }
}

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const objects = (value: unknown): JsonObject[] | undefined => (Array.isArray(value) ? value.filter(isObject) : undefined);

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : undefined;

/** GET /v1/dead-letters: `{items, next?}` (also `nextAfter` / `nextCursor`), or a bare array. */
export function readDeadLetterPage(body: unknown): DeadLetterPage {
  const items = Array.isArray(body) ? objects(body) : isObject(body) ? objects(body['items'] ?? body['deadLetters']) : undefined;
  if (items === undefined) throw new UnexpectedResponse('a dead-letter list without items');
  const next = isObject(body) ? text(body['next'] ?? body['nextAfter'] ?? body['nextCursor'] ?? undefined) : undefined;
  return next === undefined || next === '' ? { items } : { items, next };
}

function readVerdict(item: JsonObject): ReplayVerdict | undefined {
  const id = Number(item['id'] ?? item['deadLetterId']);
  const verdict = text(item['verdict']);
  if (!Number.isSafeInteger(id) || verdict === undefined) return undefined;
  const reason = text(item['reason']);
  const publish = typeof item['publish'] === 'boolean' ? item['publish'] : undefined;
  return { id, verdict, ...(reason === undefined ? {} : { reason }), ...(publish === undefined ? {} : { publish }) };
}

/** POST /v1/dead-letters/replay: `{auditId, dryRun, items: [{id, verdict, reason, publish}], counts: {selected, published, byVerdict}, error?}`. */
export function readReplayReport(body: unknown, dryRun: boolean): ReplayReport {
  if (!isObject(body)) throw new UnexpectedResponse('a replay report that is not an object');
  const list = objects(body['items'] ?? body['outcome'] ?? body['verdicts'] ?? body['records']);
  if (list === undefined) throw new UnexpectedResponse('a replay report without per-record verdicts');
  const items = list.map(readVerdict).filter((v): v is ReplayVerdict => v !== undefined);
  const counts: Record<string, number> = {};
  if (isObject(body['counts'])) {
    for (const [name, value] of Object.entries(body['counts'])) if (typeof value === 'number') counts[name] = value;
  }
  const replayId = body['auditId'] ?? body['replayId'] ?? body['id'];
  const error = text(body['error']);
  return {
    dryRun: typeof body['dryRun'] === 'boolean' ? body['dryRun'] : dryRun,
    items,
    counts,
    ...(typeof replayId === 'number' || typeof replayId === 'string' ? { replayId } : {}),
    ...(error ? { error } : {}),
  };
}

/** Any JSON object answer (a dead letter, a reconciliation, a trace). */
export function readObject(body: unknown, what: string): JsonObject {
  if (!isObject(body)) throw new UnexpectedResponse(`${what} that is not a JSON object`);
  return body;
}

/** An error answer: problem+json when the body is one, else the bare status. */
export function readProblem(status: number, statusText: string, body: unknown): Problem {
  if (isObject(body)) {
    const detail = text(body['detail']) ?? text(body['message']);
    const title = text(body['title']) ?? statusText;
    const problems = objects(body['problems'])?.map((p) => ({ path: text(p['path']), code: text(p['code']), message: text(p['message']) }));
    return {
      status,
      title: title || `HTTP ${status}`,
      detail: detail ?? title ?? `HTTP ${status}`,
      ...(text(body['type']) ? { type: text(body['type']) } : {}),
      ...(problems?.length ? { problems } : {}),
      ...(isObject(body['report']) ? { report: body['report'] } : {}),
    };
  }
  return { status, title: statusText || `HTTP ${status}`, detail: `the ops API answered HTTP ${status}${statusText ? ` ${statusText}` : ''}` };
}
