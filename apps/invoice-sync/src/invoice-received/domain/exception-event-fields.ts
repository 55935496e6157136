import { Decimal, type InvoiceException as InvoiceExceptionEvent, type Money } from '@procurelink/canonical-schemas';
import type { InvoiceException } from './invoice-outcome';
import { EVENT_SCALE, toEventScale } from './variance-math';

/** The fields of a canonical InvoiceException event that the decision fills (the handler adds envelope and ids). */
export type InvoiceExceptionEventFields = Pick<
  InvoiceExceptionEvent,
  'reason' | 'detail' | 'duplicateOfInvoiceId' | 'varianceAmount' | 'variancePercent'
>;

/** variancePercent is decimal(9, 4): at most ±99999.9999. */
const MAX_PERCENT = Decimal.parse('99999.9999');

/**
 * An exception decision in the shape of the canonical event: the duplicate's id for DUPLICATE and
 * NEAR_DUPLICATE, the variance for PRICE_VARIANCE and QUANTITY_VARIANCE (amounts at 4 places; a
 * percentage beyond what the schema holds is capped at ±99999.9999, the detail keeps the facts).
 */
export function exceptionEventFields(exception: InvoiceException): InvoiceExceptionEventFields {
  const { reason, detail } = exception;
  const base = { reason, detail, duplicateOfInvoiceId: null, varianceAmount: null, variancePercent: null };
  switch (exception.reason) {
    case 'DUPLICATE':
    case 'NEAR_DUPLICATE':
      return { ...base, duplicateOfInvoiceId: exception.duplicateOf };
    case 'PRICE_VARIANCE':
    case 'QUANTITY_VARIANCE': {
      const amount: Money = { amount: toEventScale(exception.variance.amount.amount), currency: exception.variance.amount.currency };
      const percent = exception.variance.percent;
      return { ...base, varianceAmount: amount, variancePercent: percent === null ? null : capPercent(percent) };
    }
    default:
      return base;
  }
}

function capPercent(percent: Decimal): Decimal {
  const rounded = toEventScale(percent);
  if (rounded.abs().greaterThan(MAX_PERCENT)) return rounded.isNegative() ? MAX_PERCENT.negate() : MAX_PERCENT;
  return rounded.withScale(EVENT_SCALE);
}
