import { DEAD_LETTER_STATUSES, type DeadLetterFilter, type DeadLetterStatus, type ReplaySelection } from './dead-letter';

export interface ReplayRequest {
  readonly selection: ReplaySelection;
  readonly dryRun: boolean;
  readonly force: boolean;
}

export interface RequestProblem {
  readonly path: string;
  readonly code: 'REQUIRED' | 'INVALID_VALUE';
  readonly message: string;
}

/** Most dead letters one request may select: a larger filter must be narrowed (or replayed in pages by id). */
export const MAX_REPLAY_SELECTION = 5000;

const FILTER_TEXT_FIELDS = ['service', 'errorCode', 'supplierId', 'facilityId', 'businessKey'] as const;
const FILTER_INSTANT_FIELDS = ['from', 'to'] as const;
const BODY_FIELDS = new Set(['ids', 'filter', 'dryRun', 'force']);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function parseFilter(raw: unknown, problems: RequestProblem[]): DeadLetterFilter {
  if (!isRecord(raw)) {
    problems.push({ path: '$.filter', code: 'INVALID_VALUE', message: 'must be an object' });
    return {};
  }
  const filter: Record<string, string> = {};
  for (const name of Object.keys(raw)) {
    const value = raw[name];
    const path = `$.filter.${name}`;
    if ((FILTER_TEXT_FIELDS as readonly string[]).includes(name)) {
      if (typeof value !== 'string' || value.trim() === '' || value.length > 200) problems.push({ path, code: 'INVALID_VALUE', message: 'must be a non-empty string of at most 200 characters' });
      else filter[name] = value.trim();
    } else if ((FILTER_INSTANT_FIELDS as readonly string[]).includes(name)) {
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) problems.push({ path, code: 'INVALID_VALUE', message: 'must be an ISO 8601 instant' });
      else filter[name] = new Date(Date.parse(value)).toISOString();
    } else if (name === 'status') {
      if (!DEAD_LETTER_STATUSES.includes(value as DeadLetterStatus)) problems.push({ path, code: 'INVALID_VALUE', message: `must be one of ${DEAD_LETTER_STATUSES.join(', ')}` });
      else filter[name] = value as string;
    } else {
      problems.push({ path, code: 'INVALID_VALUE', message: 'is not a dead-letter filter' });
    }
  }
  return { status: 'OPEN', ...filter } as DeadLetterFilter;
}

/**
 * The body of POST /v1/dead-letters/replay: exactly one of `ids` (1..MAX distinct positive
 * integers) or `filter` (the dead-letter list filters; status defaults to OPEN), `dryRun` required
 * (a replay is never implicit), `force` optional. Messages never echo a value.
 */
export function parseReplayRequest(body: unknown): { ok: true; request: ReplayRequest } | { ok: false; problems: RequestProblem[] } {
  const problems: RequestProblem[] = [];
  if (!isRecord(body)) return { ok: false, problems: [{ path: '$', code: 'INVALID_VALUE', message: 'must be a JSON object' }] };
  for (const name of Object.keys(body)) if (!BODY_FIELDS.has(name)) problems.push({ path: `$.${name}`, code: 'INVALID_VALUE', message: 'is not a replay field' });
  if (typeof body['dryRun'] !== 'boolean') {
    problems.push({ path: '$.dryRun', code: body['dryRun'] === undefined ? 'REQUIRED' : 'INVALID_VALUE', message: 'must be true or false (a replay is never implicit)' });
  }
  if (body['force'] !== undefined && typeof body['force'] !== 'boolean') problems.push({ path: '$.force', code: 'INVALID_VALUE', message: 'must be true or false' });
  let selection: ReplaySelection | undefined;
  const hasIds = body['ids'] !== undefined;
  const hasFilter = body['filter'] !== undefined;
  if (hasIds === hasFilter) {
    problems.push({ path: '$', code: hasIds ? 'INVALID_VALUE' : 'REQUIRED', message: 'give exactly one of ids or filter' });
  } else if (hasIds) {
    const ids = body['ids'];
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_REPLAY_SELECTION || !ids.every((id) => Number.isSafeInteger(id) && (id as number) > 0)) {
      problems.push({ path: '$.ids', code: 'INVALID_VALUE', message: `must be 1 to ${MAX_REPLAY_SELECTION} dead-letter ids (positive integers)` });
    } else {
      selection = { ids: [...new Set(ids as number[])] };
    }
  } else {
    selection = { filter: parseFilter(body['filter'], problems) };
  }
  if (problems.length > 0 || selection === undefined) return { ok: false, problems };
  return { ok: true, request: { selection, dryRun: body['dryRun'] as boolean, force: body['force'] === true } };
}
