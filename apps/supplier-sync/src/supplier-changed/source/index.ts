export { describeProblems, parseErpVendorRecord, parsePurchasingSupplierRecord, parseSourceRecord, type SourceParse } from './parse-source-record';
export { sourceEventId } from './source-event-id';
