import type { FieldProblem } from '@procurelink/system-api';

export const DEAD_LETTER_STATUSES = ['OPEN', 'REPLAYED', 'RESOLVED'] as const;

/** GET /v1/dead-letters filters, validated. `after` is the keyset cursor: the id of the last row seen. */
export interface DeadLetterFilter {
  readonly service?: string;
  readonly errorCode?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly supplierId?: string;
  readonly facilityId?: string;
  readonly businessKey?: string;
  readonly status?: (typeof DEAD_LETTER_STATUSES)[number];
  readonly limit: number;
  readonly after?: string;
}

const TEXT_FIELDS = ['service', 'errorCode', 'supplierId', 'facilityId', 'businessKey'] as const;

/** Parses the query string; every problem is reported at once. */
export function parseDeadLetterFilter(query: Readonly<Record<string, unknown>>): { ok: true; filter: DeadLetterFilter } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const filter: Record<string, unknown> = { limit: 50 };
  for (const field of TEXT_FIELDS) {
    const value = query[field];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string' || value.length > 200) problems.push({ path: field, code: 'invalid', message: 'must be one text value of at most 200 characters' });
    else filter[field] = value;
  }
  for (const field of ['from', 'to'] as const) {
    const value = query[field];
    if (value === undefined || value === '') continue;
    const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
    if (Number.isNaN(date.getTime())) problems.push({ path: field, code: 'invalid', message: 'must be an ISO 8601 time' });
    else filter[field] = date;
  }
  if (query['status'] !== undefined && query['status'] !== '') {
    const status = String(query['status']).toUpperCase();
    if (!(DEAD_LETTER_STATUSES as readonly string[]).includes(status)) problems.push({ path: 'status', code: 'invalid', message: `must be one of ${DEAD_LETTER_STATUSES.join(', ')}` });
    else filter['status'] = status;
  }
  if (query['limit'] !== undefined && query['limit'] !== '') {
    const limit = Number(query['limit']);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) problems.push({ path: 'limit', code: 'invalid', message: 'must be a whole number from 1 to 500' });
    else filter['limit'] = limit;
  }
  if (query['after'] !== undefined && query['after'] !== '') {
    if (typeof query['after'] !== 'string' || !/^\d{1,18}$/.test(query['after'])) problems.push({ path: 'after', code: 'invalid', message: 'must be the nextAfter cursor of a previous page' });
    else filter['after'] = query['after'];
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, filter: filter as unknown as DeadLetterFilter };
}
