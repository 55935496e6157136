// The pure decisions of supplier-sync: parse, normalise, tokenise, match, merge, validate, hold.
export { decideSupplierChange, supplierLookupKeys } from './decide-supplier-change';
export type { SupplierChangeDecision, SupplierChangeDeps, UnchangedReason } from './decide-supplier-change';
export { parseSupplierRecord, type SupplierChangeInput } from './parse-supplier-record';
export { parseErpVendorRecord, type ErpVendorRecord } from './erp-vendor-record';
export { parsePurchasingSupplierRecord, type PurchasingAddressType, type PurchasingSupplierRecord } from './purchasing-supplier-record';
export type { ParsedSupplierRecord, SupplierContact } from './parsed-supplier-record';
export { PROBLEM_CODES, formatProblem, type Parsed, type Problem, type ProblemCode } from './problem';
export { SOURCE_STATUSES, SOURCE_SYSTEMS, isSourceSystem, type SourceStatus, type SourceSystem } from './source-system';
export { TokeniserContractError, type SensitiveKind, type Tokeniser } from './tokeniser';
export { toSnapshot, type SupplierSnapshot } from './supplier-snapshot';
export { masterKeys, snapshotKeys, sourceRecordKey, type SupplierKeys } from './lookup-keys';
export { MATCH_CONFIDENCE, MATCH_RULES, matchSupplier, type AmbiguityReason, type MatchCandidate, type MatchOutcome, type MatchRule } from './match-supplier';
export { FIELD_OWNERS, mergeSupplier, type MergedSupplier } from './survivorship';
export { projectFor, systemHolds, type SupplierProjection } from './projection';
export { validateMergedSupplier } from './validate-supplier';
export { publishedStatus, toCanonicalSupplier } from './canonical-supplier';
export {
  confirmBankDetailsChange,
  detectBankChange,
  type BankDetailsChange,
  type BankDetailsConfirmation,
  type HoldRefusalReason,
  type HoldReleaseDecision,
} from './payment-hold';
export { isOnPaymentHold, type HoldRelease, type PaymentHold, type SupplierMaster, type SystemState } from './supplier-master';
export {
  SUPPLIER_BANK_DETAILS_CHANGED,
  SUPPLIER_SYNCED,
  type SupplierBankDetailsChangedDraft,
  type SupplierEventDraft,
  type SupplierSyncedDraft,
} from './supplier-events';
export { legalNameKey } from './name-normalisation';
export { addressKey, normaliseAddress } from './address-normalisation';
