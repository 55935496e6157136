import { Decimal } from '@procurelink/canonical-schemas';
import type { Env } from '@procurelink/service-host';
import type { ReceiptRules } from './decide-goods-receipt';

/** The settings po-sync's decisions read; parsed once at start-up from an env-like object. */
export type PoSyncDecisionConfig = ReceiptRules;

/** One variable of the schema: its name, its default, and how its text becomes a value. */
interface Setting<T> {
  readonly variable: string;
  readonly fallback: string;
  readonly parse: (text: string) => T | undefined;
  /** What a valid value looks like, for the error message. */
  readonly expected: string;
}

const MAX_SHELF_LIFE_DAYS = 3650;

/** The schema: every variable po-sync's decisions read, with its default. */
export const PO_SYNC_DECISION_SETTINGS = {
  overReceiptTolerancePercent: {
    variable: 'PO_OVER_RECEIPT_TOLERANCE_PERCENT',
    fallback: '0',
    parse: parsePercent,
    expected: 'a plain decimal percentage from 0 to 100, such as 0 or 2.5',
  },
  minRemainingShelfLifeDays: {
    variable: 'PO_MIN_REMAINING_SHELF_LIFE_DAYS',
    fallback: '0',
    parse: (text: string) => (/^\d+$/.test(text) && Number(text) <= MAX_SHELF_LIFE_DAYS ? Number(text) : undefined),
    expected: `a whole number of days from 0 to ${MAX_SHELF_LIFE_DAYS}`,
  },
} as const satisfies { readonly [K in keyof PoSyncDecisionConfig]: Setting<PoSyncDecisionConfig[K]> };

export type PoSyncConfigResult =
  | { readonly ok: true; readonly config: PoSyncDecisionConfig }
  /** Every problem at once, each naming its variable: "NAME=value: must be …". */
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Reads po-sync's decision settings from `env` (unset or blank means the default). Returns the
 * problems rather than throwing, so the start-up code can report them with the host settings'.
 */
export function parsePoSyncDecisionConfig(env: Env): PoSyncConfigResult {
  const problems: string[] = [];
  const read = <T>(setting: Setting<T>): T | undefined => {
    const raw = env[setting.variable]?.trim();
    const text = raw === undefined || raw === '' ? setting.fallback : raw;
    const value = setting.parse(text);
    if (value === undefined) problems.push(`${setting.variable}=${text}: must be ${setting.expected}`);
    return value;
  };
  const overReceiptTolerancePercent = read(PO_SYNC_DECISION_SETTINGS.overReceiptTolerancePercent);
  const minRemainingShelfLifeDays = read(PO_SYNC_DECISION_SETTINGS.minRemainingShelfLifeDays);
  if (overReceiptTolerancePercent === undefined || minRemainingShelfLifeDays === undefined) return { ok: false, problems };
  return { ok: true, config: { overReceiptTolerancePercent, minRemainingShelfLifeDays } };
}

function parsePercent(text: string): Decimal | undefined {
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const value = Decimal.parse(text);
  return value.greaterThan(Decimal.of(100n, 0)) ? undefined : value;
}
