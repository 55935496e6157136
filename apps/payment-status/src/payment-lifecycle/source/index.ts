// The source shapes payment-status reads, with their parsers (shared with the HTTP controller).
export {
  ERP_PAYMENT_METHODS,
  ERP_PAYMENT_STATUSES,
  describeProblems,
  erpPaymentEventId,
  parseErpPaymentRecord,
  SOURCE_PROBLEM_CODES,
  type ErpPaidInvoice,
  type ErpPaymentMethod,
  type ErpPaymentRecord,
  type ErpPaymentStatus,
  type ParseResult,
  type SourceProblem,
  type SourceProblemCode,
} from './erp-payment-record';
