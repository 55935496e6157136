import { formatProblem, parseErpVendorRecord, parsePurchasingSupplierRecord, type ParsedSupplierRecord, type Problem, type SourceSystem } from '../domain';

/**
 * The parsers of the two source shapes, for the Kafka handlers and the future HTTP controller.
 * Problems carry field paths (`BANK.IBAN`, `addresses[1].postalCode`) and never the input values,
 * so they are safe for a 400 body, a log line or a dead-letter header.
 */
export { parseErpVendorRecord, parsePurchasingSupplierRecord };
export type { ParsedSupplierRecord, Problem };

export type SourceParse = { readonly ok: true; readonly record: ParsedSupplierRecord } | { readonly ok: false; readonly problems: readonly Problem[] };

/** Parses one source record of the given system. */
export function parseSourceRecord(source: SourceSystem, json: unknown): SourceParse {
  const parsed = source === 'erp' ? parseErpVendorRecord(json) : parsePurchasingSupplierRecord(json);
  return parsed.ok ? { ok: true, record: parsed.value } : { ok: false, problems: parsed.problems };
}

/** `ERP vendor record: BANK.IBAN: fails the mod-97 check; STATUS: must be …` — at most `limit` problems. */
export function describeProblems(what: string, problems: readonly Problem[], limit = 10): string {
  const shown = problems.slice(0, limit).map(formatProblem);
  const more = problems.length > limit ? `; and ${problems.length - limit} more` : '';
  return `${what}: ${shown.join('; ')}${more}`;
}
