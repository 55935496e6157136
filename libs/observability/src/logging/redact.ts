/**
 * Redaction before anything is written: fields whose key names a sensitive value are replaced
 * whole, and every string is scanned for values that look sensitive wherever they appear
 * (credentials in URLs, bearer tokens, `password=…`, IBANs, long digit runs such as account
 * numbers and tax ids). What is left says that something was removed: REDACTED.
 */
export const REDACTED = '[REDACTED]';

/** Keys compared without case, `_`, `-` or `.`: bank_account, bankAccount and BANK-ACCOUNT are one key. */
const SENSITIVE_KEYS = new Set([
  'bankaccount',
  'bankaccountnumber',
  'iban',
  'accountnumber',
  'routingnumber',
  'taxid',
  'tin',
  'vatnumber',
  'ssn',
  'password',
  'passwd',
  'secret',
  'clientsecret',
  'token',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'authorization',
  'proxyauthorization',
  'apikey',
  'xapikey',
  'cookie',
  'setcookie',
  'privatekey',
]);
/** Any key containing one of these is sensitive too (saslPassword, apiKeyHash, erpClientSecret…). */
const SENSITIVE_PARTS = ['password', 'secret', 'apikey', 'bankaccount', 'iban', 'accountnumber', 'taxid', 'token'];

export function isSensitiveKey(key: string): boolean {
  const normal = key.toLowerCase().replace(/[-_.\s]/g, '');
  return SENSITIVE_KEYS.has(normal) || SENSITIVE_PARTS.some((part) => normal.includes(part));
}

const KEY_WORDS = 'bank_?account(?:_?number)?|iban|account_?number|tax_?id|tin|password|passwd|secret|client_?secret|(?:access_|refresh_)?token|api_?key|authorization';
const PATTERNS: ReadonlyArray<readonly [RegExp, string | ((match: string, ...groups: string[]) => string)]> = [
  // userinfo of any URL: scheme://user:password@host, scheme://token@host
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi, `$1${REDACTED}@`],
  // Authorization header values
  [/\b(Bearer|Basic|Digest)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`],
  // key=value, key: value, "key":"value" (query strings, JSON in error text)
  [new RegExp(`(["']?\\b(?:${KEY_WORDS})\\b["']?\\s*[:=]\\s*)(?!(?:Bearer|Basic|Digest)\\s|\\[REDACTED\\])(?:"[^"]*"|'[^']*'|[^\\s&,;}"']+)`, 'gi'), `$1${REDACTED}`],
  // IBAN-like: two letters, two check digits, 10–30 more characters (spaces allowed in groups)
  [/\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,30}\b/g, REDACTED],
  // 7 or more digits, spaces or dashes between (account numbers, tax ids), not inside a word or id; dates stay
  [/(?<![A-Za-z0-9-])\d(?:[ -]?\d){6,}(?![A-Za-z0-9])/g, (run) => (/^\d{4}-\d{2}-\d{2}$/.test(run) ? run : REDACTED)],
];

/** A string with every sensitive-looking value replaced. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) {
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out;
}

const MAX_DEPTH = 8;

/**
 * A copy of `value` safe to write: sensitive keys replaced whole, strings scanned, errors as
 * { name, message, stack }, buffers as their size, cycles and deep nesting cut.
 */
export function redactValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? String(value) : value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Nested]';
  seen.add(value);
  try {
    if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `[binary ${value.byteLength} bytes]`;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
    if (value instanceof Error) {
      const { name, message, stack } = value;
      const code = (value as { code?: unknown }).code;
      return redactObject({ name, message, ...(typeof code === 'string' ? { code } : {}), ...(stack ? { stack } : {}) }, depth, seen);
    }
    return redactObject(value as Record<string, unknown>, depth, seen);
  } finally {
    seen.delete(value);
  }
}

function redactObject(value: Record<string, unknown>, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = isSensitiveKey(key) && item !== undefined && item !== null ? REDACTED : redactValue(item, depth + 1, seen);
  }
  return out;
}
