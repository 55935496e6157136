import { JsonReader } from './json-reader';
import { parsed, refused, type Parsed } from './problem';
import { POSTING_KINDS, type LedgerEntry, type PostingKind } from './posting';

/** Which ledger entries a read wants; every field narrows, absent fields do not. */
export interface LedgerFilter {
  readonly kind: PostingKind | null;
  readonly businessKey: string | null;
  readonly subjectId: string | null;
  readonly facilityId: string | null;
  /** ISO-8601 UTC: entries accepted at or after this instant. */
  readonly since: string | null;
  /** Entries after this sequence number (for polling). */
  readonly afterSequence: number | null;
  readonly limit: number;
}

export const DEFAULT_LEDGER_LIMIT = 1000;
export const MAX_LEDGER_LIMIT = 10_000;
const PARAMS = ['kind', 'businessKey', 'subjectId', 'facilityId', 'since', 'afterSequence', 'limit'];

/** Reads the query string of GET /erp/v1/ledger and GET /erp/v1/ledger/summary. */
export function parseLedgerQuery(query: Readonly<Record<string, unknown>>): Parsed<LedgerFilter> {
  const read = new JsonReader();
  const object = read.object(query, 'query', PARAMS);
  if (object === null) return refused(read.problems);
  for (const key of Object.keys(object)) {
    if (typeof object[key] !== 'string') read.fail(`query.${key}`, 'DUPLICATE', 'must be given once');
  }
  if (read.problems.length > 0) return refused(read.problems);
  const kind = read.code(object, 'kind', 'query', POSTING_KINDS, false);
  const businessKey = read.text(object, 'businessKey', 'query', { required: false, maxLength: 400 });
  const subjectId = read.text(object, 'subjectId', 'query', { required: false, maxLength: 80 });
  const facilityId = read.text(object, 'facilityId', 'query', { required: false, maxLength: 80 });
  const since = read.timestamp(object, 'since', 'query', false);
  const afterSequence = wholeNumber(read, object.afterSequence, 'query.afterSequence', 0, Number.MAX_SAFE_INTEGER);
  const limit = wholeNumber(read, object.limit, 'query.limit', 1, MAX_LEDGER_LIMIT);
  if (read.problems.length > 0) return refused(read.problems);
  return parsed({ kind, businessKey, subjectId, facilityId, since, afterSequence, limit: limit ?? DEFAULT_LEDGER_LIMIT }, []);
}

export function matchesFilter(entry: LedgerEntry, filter: LedgerFilter): boolean {
  return (
    (filter.kind === null || entry.kind === filter.kind) &&
    (filter.businessKey === null || entry.businessKey === filter.businessKey) &&
    (filter.subjectId === null || entry.subjectId === filter.subjectId) &&
    (filter.facilityId === null || entry.facilityId === filter.facilityId) &&
    (filter.since === null || Date.parse(entry.acceptedAt) >= Date.parse(filter.since)) &&
    (filter.afterSequence === null || entry.sequence > filter.afterSequence)
  );
}

export const NO_FILTER: LedgerFilter = {
  kind: null, businessKey: null, subjectId: null, facilityId: null, since: null, afterSequence: null, limit: MAX_LEDGER_LIMIT,
};

function wholeNumber(read: JsonReader, value: unknown, path: string, min: number, max: number): number | null {
  if (value === undefined) return null;
  const number = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) return read.fail(path, 'OUT_OF_RANGE', `must be a whole number from ${min} to ${max}`);
  return number;
}
