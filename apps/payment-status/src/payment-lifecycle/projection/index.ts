export { projectPayment } from './payment-projection';
export {
  paymentHoldOf,
  projectSupplierHold,
  type SupplierEvent,
  type SupplierHoldProjection,
  type SupplierHoldState,
} from './supplier-hold-projection';
