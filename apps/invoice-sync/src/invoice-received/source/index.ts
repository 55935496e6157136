// The source shapes invoice-sync reads (SOURCE.md), with parsers that report problems by field path.
export {
  describeProblems,
  parseApInvoiceRecord,
  type ApInvoiceLineRecord,
  type ApInvoiceParseResult,
  type ApInvoiceRecord,
  type SourceProblem,
} from './ap-invoice-record';
