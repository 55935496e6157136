import { parseErpVendorRecord } from './erp-vendor-record';
import type { ParsedSupplierRecord } from './parsed-supplier-record';
import type { Parsed } from './problem';
import { parsePurchasingSupplierRecord } from './purchasing-supplier-record';
import type { SourceSystem } from './source-system';

/** A supplier record as it arrived: which system sent it, and its decoded JSON (not yet trusted). */
export interface SupplierChangeInput {
  readonly source: SourceSystem;
  readonly record: unknown;
}

/** Parses a record with the strict parser of the system that sent it. */
export function parseSupplierRecord(input: SupplierChangeInput): Parsed<ParsedSupplierRecord> {
  return input.source === 'erp' ? parseErpVendorRecord(input.record) : parsePurchasingSupplierRecord(input.record);
}
