import { isUtcDay } from './utc-day';

export interface RequestProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export interface ReconciliationRequest {
  /** YYYY-MM-DD; today (UTC) when absent. */
  readonly day: string | null;
  readonly facilityId: string | null;
}

const IDENTIFIER = /^[A-Za-z0-9._:-]{1,80}$/;
const FIELDS = new Set(['day', 'facilityId']);

/** Parses POST /v1/reconciliations' body: `{ day?, facilityId? }`; a day after `today` is refused. */
export function parseReconciliationRequest(body: unknown, today: string): { ok: true; value: ReconciliationRequest } | { ok: false; problems: RequestProblem[] } {
  const problems: RequestProblem[] = [];
  const raw = body === undefined || body === null ? {} : body;
  if (typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, problems: [{ path: '', code: 'NOT_AN_OBJECT', message: 'the body must be a JSON object' }] };
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!FIELDS.has(key)) problems.push({ path: key, code: 'UNKNOWN_FIELD', message: 'is not a field of a reconciliation request' });
  }
  const day = optionalText(record['day'], 'day', problems);
  if (day !== null && !isUtcDay(day)) problems.push({ path: 'day', code: 'MALFORMED', message: 'must be a calendar day YYYY-MM-DD (UTC)' });
  else if (day !== null && day > today) problems.push({ path: 'day', code: 'OUT_OF_RANGE', message: 'must not be after today (UTC)' });
  const facilityId = optionalText(record['facilityId'], 'facilityId', problems);
  if (facilityId !== null && !IDENTIFIER.test(facilityId)) problems.push({ path: 'facilityId', code: 'MALFORMED', message: 'must be 1–80 letters, digits, ".", "_", ":" or "-"' });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { day, facilityId } };
}

function optionalText(value: unknown, path: string, problems: RequestProblem[]): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') {
    problems.push({ path, code: 'WRONG_TYPE', message: 'must be a string' });
    return null;
  }
  return value;
}
