// Fuzz-like checks of the strict parsers: thousands of random and garbage inputs, seeded so a
// failure is reproducible. Every input must come back as data — a parsed record or classified
// problems — never a throw, and no problem may repeat the input it complains about.
import { parseErpVendorRecord } from './erp-vendor-record';
import { PROBLEM_CODES, type Parsed, type Problem } from './problem';
import type { ParsedSupplierRecord } from './parsed-supplier-record';
import { parsePurchasingSupplierRecord } from './purchasing-supplier-record';
import { CLEAR_VALUES, erpVendor, purchasingSupplier } from './supplier-records.fixture.spec';

/** mulberry32: a tiny seeded PRNG, so each run sees the same inputs. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Junk {
  /** Random strings of 8+ characters handed out since the last reset, to check no message echoes them. */
  echoable: string[] = [];

  constructor(readonly random: () => number) {}

  int(max: number): number {
    return Math.floor(this.random() * max);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  text(): string {
    const alphabets = ['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJ0123456789 -./', '\u0000\u0007\n\t\u001f\u007f', 'ÄöüßéŁ中文😀\u202e\ufeff', '{}[]"\\\'<>%$#@!&*'];
    const length = this.pick([0, 1, 2, 3, 9, 12, 40, 200, 5000]);
    const alphabet = [...this.pick(alphabets)];
    let text = '';
    for (let i = 0; i < length; i += 1) text += this.pick(alphabet);
    if (text.length >= 8) this.echoable.push(text);
    return text;
  }

  value(depth = 0): unknown {
    switch (this.int(depth > 3 ? 9 : 13)) {
      case 0: return null;
      case 1: return undefined;
      case 2: return this.random() < 0.5;
      case 3: return this.pick([0, -1, 1.5, 1e308, -0, Number.NaN, Number.POSITIVE_INFINITY, 123456789, 2 ** 53 + 1]);
      case 4: case 5: case 6: return this.text();
      case 7: return this.pick(['', '   ', 'A', 'US', 'NET30', '2025-03-01T10:00:00Z', '021000021', 'DE89370400440532013000', '__proto__', 'constructor']);
      case 8: { const big = 'Z'.repeat(this.pick([141, 1_000, 200_000])); return big; }
      case 9: return Array.from({ length: this.int(4) }, () => this.value(depth + 1));
      case 10: return Object.fromEntries(Array.from({ length: this.int(4) }, () => [this.text().slice(0, 8), this.value(depth + 1)]));
      case 11: return JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}') as unknown;
      default: {
        const bare = Object.create(null) as Record<string, unknown>;
        bare['x'] = this.value(depth + 1);
        return bare;
      }
    }
  }
}

function deeplyNested(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i += 1) value = i % 2 === 0 ? [value] : { nested: value };
  return value;
}

type Parser = (input: unknown) => Parsed<ParsedSupplierRecord>;

const CODES: ReadonlySet<string> = new Set(PROBLEM_CODES);

/** What is wrong with how a result reports its problems; empty when it is a record or well-classified problems. */
function misclassified(result: Parsed<ParsedSupplierRecord>, echoable: readonly string[]): string[] {
  if (result.ok) return [];
  if (result.problems.length === 0) return ['a failed parse without any problem'];
  return result.problems.flatMap((p: Problem) => {
    const faults: string[] = [];
    if (!CODES.has(p.code)) faults.push(`unknown code ${String(p.code)}`);
    if (typeof p.path !== 'string' || p.path.length > 80) faults.push(`bad path ${String(p.path).slice(0, 100)}`);
    if (typeof p.message !== 'string' || p.message.length === 0 || p.message.length > 200) faults.push(`bad message at ${p.path}`);
    if ([...CLEAR_VALUES, ...echoable].some((secret) => p.message.includes(secret))) faults.push(`message at ${p.path} repeats its input`);
    return faults;
  });
}

function rootOf(path: string): string {
  return path.split(/[.[]/)[0] ?? '';
}

const parsers: ReadonlyArray<{ name: string; parse: Parser; valid: () => Record<string, unknown>; nested: Record<string, readonly string[]>; related: Record<string, readonly string[]> }> = [
  {
    name: 'parseErpVendorRecord',
    parse: parseErpVendorRecord,
    valid: () => erpVendor(),
    nested: { BANK: ['IBAN', 'ACCOUNT_NUMBER', 'ROUTING_NUMBER'], REMIT_TO: ['STREET', 'CITY', 'POSTAL_CODE', 'COUNTRY', 'REGION'] },
    // The tax number is checked by the rules of its issuing country, which defaults to COUNTRY.
    related: { COUNTRY: ['TAX_NUMBER', 'POSTAL_CODE'], TAX_COUNTRY: ['TAX_NUMBER'] },
  },
  {
    name: 'parsePurchasingSupplierRecord',
    parse: parsePurchasingSupplierRecord,
    valid: () => purchasingSupplier(),
    nested: { bankAccount: ['iban', 'accountNumber', 'routingNumber'], contact: ['name', 'email', 'phone'] },
    related: { addresses: ['taxId'], taxIdCountry: ['taxId'] },
  },
];

describe.each(parsers)('$name under fuzzing', ({ parse, valid, nested, related }) => {
  it('classifies 3,000 random garbage inputs as problems without throwing', () => {
    const junk = new Junk(prng(20250301));
    const faults: string[] = [];
    for (let i = 0; i < 3_000; i += 1) {
      junk.echoable = [];
      const result = parse(junk.value());
      if (result.ok) faults.push(`input ${i} parsed as a record`);
      faults.push(...misclassified(result, junk.echoable).map((fault) => `input ${i}: ${fault}`));
    }
    expect(faults).toEqual([]);
  });

  it('classifies deeply nested and prototype-polluting junk', () => {
    for (const input of [deeplyNested(5_000), JSON.parse('{"__proto__": {"VENDOR_ID": "X", "supplierId": "X"}}'), Object.create(null), new Date(0), () => 1]) {
      const result = parse(input);
      expect(result.ok).toBe(false);
      expect(misclassified(result, [])).toEqual([]);
    }
  });

  it('classifies 5,000 valid records with one to three fields replaced by junk, each problem at a mutated field', () => {
    const junk = new Junk(prng(42));
    const keys = Object.keys(valid());
    const faults: string[] = [];
    let parsedAnyway = 0;
    for (let i = 0; i < 5_000; i += 1) {
      junk.echoable = [];
      const record = valid();
      const mutated = new Set<string>();
      const count = 1 + junk.int(3);
      for (let m = 0; m < count; m += 1) {
        const key = junk.pick(keys);
        mutated.add(key);
        const children = nested[key];
        const current = record[key];
        if (children !== undefined && junk.random() < 0.5 && typeof current === 'object' && current !== null) {
          record[key] = { ...current, [junk.pick(children)]: junk.value() };
        } else {
          record[key] = junk.value();
        }
      }
      const result = parse(record);
      const allowed = new Set([...mutated, ...[...mutated].flatMap((key) => related[key] ?? [])]);
      faults.push(...misclassified(result, junk.echoable).map((fault) => `record ${i}: ${fault}`));
      if (result.ok) parsedAnyway += 1;
      else for (const p of result.problems) if (!allowed.has(rootOf(p.path))) faults.push(`record ${i}: problem at ${p.path}, but ${[...mutated].join(', ')} changed`);
    }
    expect(faults).toEqual([]);
    // Some junk is harmless (an optional field set to null): the fuzzing reaches both outcomes.
    expect(parsedAnyway).toBeGreaterThan(0);
    expect(parsedAnyway).toBeLessThan(5_000);
  });
});

describe('the parsers never leak clear bank or tax values in problems', () => {
  it('keeps a failing IBAN, account number and tax id out of every message and path', () => {
    const erp = parseErpVendorRecord(erpVendor({ TAX_NUMBER: '12-34567', BANK: { IBAN: 'DE89370400440532013001' } }));
    const purchasing = parsePurchasingSupplierRecord(purchasingSupplier({ taxId: '1234567', bankAccount: { accountNumber: '44556677889900112233', routingNumber: '021000022' } }));
    const text = JSON.stringify([erp, purchasing]);
    for (const secret of ['1234567', '370400440532013001', '44556677889900112233', '021000022']) expect(text).not.toContain(secret);
  });
});
