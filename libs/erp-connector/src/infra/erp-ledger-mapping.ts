import { ProcessingError, targetUnavailable } from '@procurelink/messaging';
import type { ErpLedgerEntry, ErpLedgerPage, ErpLedgerQuery, ErpLedgerSummary } from '../ledger-port';

const KINDS = new Set(['VENDOR_UPSERT', 'ENCUMBRANCE', 'AP_INVOICE', 'PAYMENT_STATUS']);
const DIRECTIONS = new Set(['ENCUMBER', 'RELIEVE', 'RELEASE']);
const SAFE_TOKEN = /[^A-Za-z0-9_.:\-[\]]/g;

/** The query string of GET /erp/v1/ledger (parameters left out when undefined). */
export function ledgerSearchParams(query: ErpLedgerQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  return params;
}

/** A ledger page from the answer body, or a retriable error when it is not one (never trust a 200 blindly). */
export function pageFromBody(what: string, body: unknown): ErpLedgerPage | ProcessingError {
  const page = body as { count?: unknown; truncated?: unknown; entries?: unknown } | null;
  if (typeof page !== 'object' || page === null || typeof page.truncated !== 'boolean' || !Array.isArray(page.entries)) {
    return targetUnavailable(`${what} answered with a body that is not a ledger page`);
  }
  const entries = page.entries as unknown[];
  const bad = entries.findIndex((entry) => !isEntry(entry));
  if (bad >= 0) return targetUnavailable(`${what} answered with a ledger entry that is not a posting (entries[${bad}])`);
  return { count: typeof page.count === 'number' ? page.count : entries.length, truncated: page.truncated, entries: entries as ErpLedgerEntry[] };
}

export function summaryFromBody(what: string, body: unknown): ErpLedgerSummary | ProcessingError {
  const summary = body as { count?: unknown; byKind?: unknown; groups?: unknown } | null;
  if (typeof summary !== 'object' || summary === null || typeof summary.count !== 'number' || !Array.isArray(summary.byKind) || !Array.isArray(summary.groups)) {
    return targetUnavailable(`${what} answered with a body that is not a ledger summary`);
  }
  return summary as unknown as ErpLedgerSummary;
}

/** A non-200 answer as a classified error: 400 is our filter's fault, 5xx/408/429 retriable, other 4xx refused. */
export function ledgerErrorFromStatus(what: string, status: number, body: unknown): ProcessingError {
  const code = (body as { error?: unknown } | null)?.error;
  const answered = `${status}${typeof code === 'string' ? ` ${code.replace(SAFE_TOKEN, '').slice(0, 40)}` : ''}`;
  if (status === 400) return new ProcessingError('INVALID_INPUT', `${what} refused the query (${answered})`);
  if (status === 408 || status === 429 || status >= 500 || status < 400) return targetUnavailable(`${what} is unavailable (${answered})`);
  return new ProcessingError('TARGET_REJECTED', `${what} rejected the query (${answered})`);
}

function isEntry(value: unknown): boolean {
  const entry = value as Record<string, unknown> | null;
  if (typeof entry !== 'object' || entry === null) return false;
  return (
    typeof entry['sequence'] === 'number' &&
    typeof entry['documentNumber'] === 'string' &&
    KINDS.has(entry['kind'] as string) &&
    typeof entry['businessKey'] === 'string' &&
    typeof entry['subjectId'] === 'string' &&
    typeof entry['acceptedAt'] === 'string' &&
    nullableString(entry['facilityId']) &&
    nullableString(entry['currency']) &&
    nullableString(entry['amount']) &&
    (entry['direction'] === null || entry['direction'] === undefined || DIRECTIONS.has(entry['direction'] as string)) &&
    typeof entry['record'] === 'object' &&
    entry['record'] !== null
  );
}

function nullableString(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'string';
}
