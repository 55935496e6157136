// The source shapes payment-status reads, with their parsers (shared with the future HTTP controller).
export {
  ERP_PAYMENT_METHODS,
  ERP_PAYMENT_STATUSES,
  describeProblems,
  erpPaymentEventId,
  parseErpPaymentRecord,
  type ErpPaidInvoice,
  type ErpPaymentMethod,
  type ErpPaymentRecord,
  type ErpPaymentStatus,
  type ParseResult,
  type SourceProblem,
} from './erp-payment-record';
