export { toInvoiceReceived, type MappingContext } from './to-invoice-received';
export { AP_AUTOMATION_SYSTEM, correlationIdOf, rawApInvoiceEventId } from './source-identity';
export { toApInvoiceRequest, erpIdempotencyKey } from './to-ap-invoice-request';
