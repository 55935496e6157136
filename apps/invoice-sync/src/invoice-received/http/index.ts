// invoice-sync's governed HTTP system API: the controller and its route docs (OpenAPI).
export { INVOICE_SUBMISSION_TOPIC, InvoicesController } from './invoices.controller';
export { INVOICE_ROUTES } from './invoices.routes';
