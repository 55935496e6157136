// payment-status's governed HTTP system API: the controller and its route docs (OpenAPI).
export { PAYMENT_SUBMISSION_TOPIC, PaymentsController } from './payments.controller';
export { PAYMENT_ROUTES } from './payments.routes';
