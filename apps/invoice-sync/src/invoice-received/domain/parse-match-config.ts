import { Decimal } from '@procurelink/canonical-schemas';
import { DEFAULT_MATCH_CONFIG, type InvoiceMatchConfig } from './match-config';
import type { ToleranceOverride } from './tolerance';

/** The environment variables the invoice decisions read, one place for their names. */
export const MATCH_CONFIG_VARIABLES = {
  pricePercent: 'INVOICE_PRICE_TOLERANCE_PERCENT',
  priceAbsolute: 'INVOICE_PRICE_TOLERANCE_ABSOLUTE',
  quantityPercent: 'INVOICE_QTY_TOLERANCE_PERCENT',
  receiptWaitHours: 'INVOICE_RECEIPT_WAIT_HOURS',
  /** When set, wins over INVOICE_RECEIPT_WAIT_HOURS: the wait in whole seconds (short waits for tests and demos). */
  receiptWaitSeconds: 'INVOICE_RECEIPT_WAIT_SECONDS',
  nearDuplicateWindowDays: 'INVOICE_NEAR_DUPLICATE_WINDOW_DAYS',
  roundingAllowance: 'INVOICE_ROUNDING_ALLOWANCE',
  overrides: 'INVOICE_TOLERANCE_OVERRIDES',
} as const;

export type MatchConfigEnv = Readonly<Record<string, string | undefined>>;

/** The configuration, or every problem found, each naming its variable (the caller raises its ConfigError). */
export type MatchConfigResult =
  | { readonly ok: true; readonly config: InvoiceMatchConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

const NONE = 'none';
const OVERRIDE_FIELDS = ['pricePercent', 'priceAbsolute', 'quantityPercent'] as const;
const PLAIN_DECIMAL = /^\d+(\.\d+)?$/;

/**
 * Reads the invoice match settings from an environment-like object. Blank or missing variables
 * take the defaults (price 2 %, no absolute price limit, quantity 0 %, wait 72 h, window 30 days,
 * rounding 0.01). INVOICE_RECEIPT_WAIT_SECONDS, when set, gives the wait in seconds instead of
 * INVOICE_RECEIPT_WAIT_HOURS. Percentages and amounts are non-negative decimal strings; the price limits
 * also accept "none" (not applied). INVOICE_TOLERANCE_OVERRIDES is a JSON object of facility id →
 * { pricePercent?, priceAbsolute?, quantityPercent? } with decimal strings (null clears a price
 * limit), e.g. {"FAC-02":{"pricePercent":"5"}}.
 */
export function parseMatchConfig(env: MatchConfigEnv): MatchConfigResult {
  const problems: string[] = [];
  const v = MATCH_CONFIG_VARIABLES;
  const defaults = DEFAULT_MATCH_CONFIG.tolerance.defaults;
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const decimal = (name: string, fallback: Decimal): Decimal => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!PLAIN_DECIMAL.test(raw)) {
      problems.push(`${name}=${raw}: must be a non-negative decimal such as 2 or 2.5`);
      return fallback;
    }
    return Decimal.parse(raw);
  };
  const optionalDecimal = (name: string, fallback: Decimal | null): Decimal | null => {
    const raw = read(name);
    if (raw?.toLowerCase() === NONE) return null;
    if (raw !== undefined && !PLAIN_DECIMAL.test(raw)) {
      problems.push(`${name}=${raw}: must be a non-negative decimal such as 0.05, or "none" for no limit`);
      return fallback;
    }
    return raw === undefined ? fallback : Decimal.parse(raw);
  };
  const wholeNumber = (name: string, fallback: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (!/^\d{1,6}$/.test(raw)) {
      problems.push(`${name}=${raw}: must be a whole number from 0 to 999999`);
      return fallback;
    }
    return Number(raw);
  };

  const receiptWaitHours = (): number => {
    const hours = wholeNumber(v.receiptWaitHours, DEFAULT_MATCH_CONFIG.receiptWaitHours);
    if (read(v.receiptWaitSeconds) === undefined) return hours;
    return wholeNumber(v.receiptWaitSeconds, 0) / 3600;
  };

  const config: InvoiceMatchConfig = {
    tolerance: {
      defaults: {
        pricePercent: optionalDecimal(v.pricePercent, defaults.pricePercent),
        priceAbsolute: optionalDecimal(v.priceAbsolute, defaults.priceAbsolute),
        quantityPercent: decimal(v.quantityPercent, defaults.quantityPercent),
      },
      facilityOverrides: parseOverrides(read(v.overrides), problems),
    },
    receiptWaitHours: receiptWaitHours(),
    nearDuplicateWindowDays: wholeNumber(v.nearDuplicateWindowDays, DEFAULT_MATCH_CONFIG.nearDuplicateWindowDays),
    roundingAllowance: decimal(v.roundingAllowance, DEFAULT_MATCH_CONFIG.roundingAllowance),
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

function parseOverrides(raw: string | undefined, problems: string[]): Readonly<Record<string, ToleranceOverride>> {
  const name = MATCH_CONFIG_VARIABLES.overrides;
  if (raw === undefined) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    problems.push(`${name}: must be a JSON object such as {"FAC-02":{"pricePercent":"5"}} (${(error as Error).message})`);
    return {};
  }
  if (!isPlainObject(parsed)) {
    problems.push(`${name}: must be a JSON object of facility id → tolerances, such as {"FAC-02":{"pricePercent":"5"}}`);
    return {};
  }
  const overrides: [string, ToleranceOverride][] = [];
  for (const [facilityId, entry] of Object.entries(parsed)) {
    const where = `${name}: facility "${facilityId}"`;
    if (facilityId.trim() === '') {
      problems.push(`${name}: a facility id must not be blank`);
      continue;
    }
    if (!isPlainObject(entry)) {
      problems.push(`${where}: must be an object with pricePercent, priceAbsolute or quantityPercent`);
      continue;
    }
    for (const field of Object.keys(entry).filter((key) => !(OVERRIDE_FIELDS as readonly string[]).includes(key))) {
      problems.push(`${where}: unknown field "${field}"; the fields are ${OVERRIDE_FIELDS.join(', ')}`);
    }
    const limit = (field: 'pricePercent' | 'priceAbsolute'): ToleranceOverride => {
      if (!Object.hasOwn(entry, field)) return {};
      const value = entry[field];
      if (value === null) return { [field]: null };
      const decimal = overrideDecimal(value);
      if (decimal !== undefined) return { [field]: decimal };
      problems.push(`${where}: ${field} must be a non-negative decimal string such as "5" or null for no limit, got ${describe(value)}`);
      return {};
    };
    const quantity = (): ToleranceOverride => {
      if (!Object.hasOwn(entry, 'quantityPercent')) return {};
      const value = entry['quantityPercent'];
      const decimal = overrideDecimal(value);
      if (decimal !== undefined) return { quantityPercent: decimal };
      problems.push(`${where}: quantityPercent must be a non-negative decimal string such as "5", got ${describe(value)}`);
      return {};
    };
    overrides.push([facilityId, { ...limit('pricePercent'), ...limit('priceAbsolute'), ...quantity() }]);
  }
  // fromEntries defines own properties, so a facility named "__proto__" cannot reach the prototype.
  return Object.fromEntries(overrides);
}

function overrideDecimal(value: unknown): Decimal | undefined {
  return typeof value === 'string' && PLAIN_DECIMAL.test(value.trim()) ? Decimal.parse(value.trim()) : undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === 'number') return `the number ${value} (write it as a string: "${value}")`;
  if (typeof value === 'string') return `"${value}"`;
  return JSON.stringify(value) ?? typeof value;
}
