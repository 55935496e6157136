import { JsonReader } from './json-reader';
import { parsed, refused, type Parsed } from './problem';
import { CURRENCY, CURRENCY_HINT, OPTIONAL_ID, REQUIRED_ID, type Posting } from './posting';

export const PAYMENT_STATUSES = ['SCHEDULED', 'COMPLETED', 'FAILED', 'VOIDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface PaymentStatusRecord {
  readonly paymentId: string;
  readonly supplierId: string;
  readonly status: PaymentStatus;
  readonly statusAt: string;
  readonly amount: string | null;
  readonly currency: string | null;
  readonly invoiceIds: readonly string[];
  readonly facilityId: string | null;
  readonly reason: string | null;
}

const FIELDS = ['supplierId', 'status', 'statusAt', 'amount', 'currency', 'invoiceIds', 'facilityId', 'reason'];

/** PUT /erp/v1/payments/{paymentId}/status: the ERP records that a payment status reached the network. */
export function parsePaymentStatus(paymentId: string, body: unknown): Parsed<Posting> {
  const read = new JsonReader();
  const id = read.textAt(paymentId, 'params.paymentId', REQUIRED_ID);
  const object = read.object(body, '', FIELDS);
  if (object === null) return refused(read.problems);
  const supplierId = read.text(object, 'supplierId', '', REQUIRED_ID);
  const status = read.code(object, 'status', '', PAYMENT_STATUSES, true);
  const statusAt = read.timestamp(object, 'statusAt', '', true);
  const amount = read.amount(object, 'amount', '', { required: false, sign: 'positive' });
  const currency = read.text(object, 'currency', '', { required: false, maxLength: 3, pattern: CURRENCY, hint: CURRENCY_HINT });
  const facilityId = read.text(object, 'facilityId', '', OPTIONAL_ID);
  const reason = read.text(object, 'reason', '', { required: false, maxLength: 200 });
  const rawInvoiceIds = read.list(object, 'invoiceIds', '', { required: false, minItems: 0, maxItems: 500 });
  const invoiceIds = (rawInvoiceIds ?? []).map((value, index) => read.textAt(value, `invoiceIds[${index}]`, REQUIRED_ID));
  if ((amount === null) !== (currency === null) && !read.problems.some((p) => p.path === 'amount' || p.path === 'currency')) {
    read.fail(amount === null ? 'amount' : 'currency', 'INCONSISTENT', 'amount and currency come together or not at all');
  }
  if (read.problems.length > 0 || id === null || supplierId === null || status === null || statusAt === null) {
    return refused(read.problems);
  }
  const record: PaymentStatusRecord = {
    paymentId: id,
    supplierId,
    status,
    statusAt,
    amount,
    currency,
    invoiceIds: invoiceIds.filter((invoiceId): invoiceId is string => invoiceId !== null),
    facilityId,
    reason,
  };
  return parsed({ kind: 'PAYMENT_STATUS', businessKey: `${id}/${status}`, subjectId: id, facilityId, currency, amount, direction: null, record: { ...record } }, []);
}
