import { Decimal, isWithinAbsoluteTolerance, isWithinPercentTolerance } from '@procurelink/canonical-schemas';

/** How far an invoice may stray from its PO and receipts and still match. */
export interface Tolerance {
  /** Per unit, in percent of the PO unit price; null means this limit is not applied. */
  readonly pricePercent: Decimal | null;
  /** Per unit, in the invoice currency; null means this limit is not applied. */
  readonly priceAbsolute: Decimal | null;
  /** In percent of the received quantity. */
  readonly quantityPercent: Decimal;
}

/** A facility's exceptions to the defaults: a field present replaces the default (null clears a price limit). */
export type ToleranceOverride = Partial<Tolerance>;

export interface ToleranceSettings {
  readonly defaults: Tolerance;
  readonly facilityOverrides: Readonly<Record<string, ToleranceOverride>>;
}

/** The tolerance in force for a facility: its override field by field over the defaults. */
export function resolveTolerance(settings: ToleranceSettings, facilityId: string): Tolerance {
  const override = Object.hasOwn(settings.facilityOverrides, facilityId) ? settings.facilityOverrides[facilityId] : undefined;
  if (override === undefined) return settings.defaults;
  return {
    pricePercent: override.pricePercent !== undefined ? override.pricePercent : settings.defaults.pricePercent,
    priceAbsolute: override.priceAbsolute !== undefined ? override.priceAbsolute : settings.defaults.priceAbsolute,
    quantityPercent: override.quantityPercent ?? settings.defaults.quantityPercent,
  };
}

/**
 * True when the invoiced unit price may be paid against the PO unit price. Only an overcharge is a
 * variance: a price at or below the PO price always passes. Above it, every configured limit must
 * hold (the stricter wins); with no limit configured the price must not exceed the PO price at
 * all. Limits are inclusive: exactly 2% over with a 2% tolerance passes, 2.0001% does not.
 */
export function isPriceWithinTolerance(invoiced: Decimal, ordered: Decimal, tolerance: Tolerance): boolean {
  if (!invoiced.greaterThan(ordered)) return true;
  const { pricePercent, priceAbsolute } = tolerance;
  if (pricePercent === null && priceAbsolute === null) return false;
  if (pricePercent !== null && !isWithinPercentTolerance(invoiced, ordered, pricePercent)) return false;
  if (priceAbsolute !== null && !isWithinAbsoluteTolerance(invoiced, ordered, priceAbsolute)) return false;
  return true;
}

const HUNDRED = Decimal.of(100n, 0);

/** The most that may be billed against `base` (a received or ordered quantity): base × (1 + percent/100), exact. */
export function quantityLimit(base: Decimal, quantityPercent: Decimal): Decimal {
  if (!base.greaterThan(Decimal.zero())) return Decimal.zero();
  return base.add(base.multiply(quantityPercent).divide(HUNDRED, base.scale + quantityPercent.scale + 2));
}
