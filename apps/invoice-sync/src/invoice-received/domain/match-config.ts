import { Decimal } from '@procurelink/canonical-schemas';
import type { ToleranceSettings } from './tolerance';

/** Everything the invoice decisions can be tuned with; parsed once at start-up by parseMatchConfig. */
export interface InvoiceMatchConfig {
  readonly tolerance: ToleranceSettings;
  /** How long an invoice waits for its goods receipt before it becomes a NO_RECEIPT exception. */
  readonly receiptWaitHours: number;
  /** Invoice dates at most this many days apart can be near duplicates. */
  readonly nearDuplicateWindowDays: number;
  /** How far a line amount, subtotal or total may be from what its parts add up to (supplier rounding). */
  readonly roundingAllowance: Decimal;
}

export const DEFAULT_MATCH_CONFIG: InvoiceMatchConfig = {
  tolerance: {
    defaults: { pricePercent: Decimal.parse('2'), priceAbsolute: null, quantityPercent: Decimal.parse('0') },
    facilityOverrides: {},
  },
  receiptWaitHours: 72,
  nearDuplicateWindowDays: 30,
  roundingAllowance: Decimal.parse('0.01'),
};
