import { appendFileSync } from 'node:fs';
import fc from 'fast-check';

/**
 * Shared pieces of the fuzz specs (`*.fuzz.unit.spec.ts` beside the parsers, `*.fuzz.int.spec.ts`
 * beside the HTTP APIs): bad inputs built by breaking a valid record in a few places, or from
 * nothing at all, and a record of how many cases ran (FUZZ_REPORT, one JSON line per property).
 */

/** Cases per property: FUZZ_RUNS, default 2000. */
export function fuzzRuns(fallback = 2000): number {
  const value = Number(process.env['FUZZ_RUNS'] ?? fallback);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** Appends `{ target, cases }` to the FUZZ_REPORT file when one is given (npm run test:faults prints the total). */
export function recordFuzzCases(target: string, cases: number, detail?: Record<string, unknown>): void {
  const file = process.env['FUZZ_REPORT'];
  if (file) appendFileSync(file, `${JSON.stringify({ target, cases, ...(detail ? { detail } : {}) })}\n`);
}

/** Values that break parsers: wrong types, edge numbers, hostile strings, odd objects. */
export function junk(): fc.Arbitrary<unknown> {
  return fc.oneof(
    // No sparse arrays: parsers only ever see what JSON.parse builds, and JSON has no holes.
    fc.anything({ maxDepth: 2, withBoxedValues: true, withNullPrototype: true, withObjectString: true }),
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.double(),
    fc.integer(),
    fc.bigInt().map((b) => b.toString()),
    fc.constantFrom(
      null,
      undefined,
      '',
      ' ',
      '-1',
      '-0.00',
      '0',
      '1e309',
      'NaN',
      'Infinity',
      '0.00001',
      '99999999999999999999.99',
      '12.345678',
      '2025-02-30',
      '2025-13-01',
      '2025-01-01T25:61:61Z',
      '9999-12-31T23:59:59.999999999+14:00',
      '\u0000',
      '\u202e',
      '../../etc/passwd',
      '{"a":1}',
      'x'.repeat(5000),
      [],
      {},
      [[[]]],
      { __proto__: null },
      JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
      true,
      false,
      Number.MAX_SAFE_INTEGER + 2,
      -0,
    ),
  );
}

type Path = ReadonlyArray<string | number>;

function pathsOf(value: unknown, at: Path = []): Path[] {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, i) => pathsOf(item, [...at, i]))];
  if (typeof value === 'object' && value !== null) return [at, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...at, key]))];
  return [at];
}

interface Edit {
  readonly path: Path;
  readonly action: 'delete' | 'replace' | 'wrap-in-array' | 'add-field';
  readonly value: unknown;
  readonly field: string;
}

function apply(root: unknown, edit: Edit): unknown {
  if (edit.path.length === 0) {
    if (edit.action === 'wrap-in-array') return [root];
    if (edit.action === 'add-field' && typeof root === 'object' && root !== null && !Array.isArray(root)) return { ...root, [edit.field]: edit.value };
    return edit.value;
  }
  const parentPath = edit.path.slice(0, -1);
  let parent: unknown = root;
  for (const step of parentPath) {
    if (typeof parent !== 'object' || parent === null) return root;
    parent = (parent as Record<string | number, unknown>)[step];
  }
  if (typeof parent !== 'object' || parent === null) return root;
  const container = parent as Record<string | number, unknown>;
  const last = edit.path[edit.path.length - 1] as string | number;
  switch (edit.action) {
    case 'delete':
      if (Array.isArray(container) && typeof last === 'number') container.splice(last, 1);
      else delete container[last];
      break;
    case 'replace':
      container[last] = edit.value;
      break;
    case 'wrap-in-array':
      container[last] = [container[last]];
      break;
    case 'add-field': {
      const target = container[last];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) (target as Record<string, unknown>)[edit.field] = edit.value;
      else container[last] = edit.value;
      break;
    }
  }
  return root;
}

/** An edit that lands on junk (a boxed string, a frozen object) is skipped. */
function applySafely(root: unknown, edit: Edit): unknown {
  try {
    return apply(root, edit);
  } catch {
    return root;
  }
}

/** A valid record broken in one to four places: fields deleted, replaced by junk, wrapped in arrays, unknown fields added. */
export function mutationsOf(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const edit: fc.Arbitrary<Edit> = fc.record({
    path: fc.constantFrom(...paths),
    action: fc.constantFrom('delete', 'replace', 'replace', 'wrap-in-array', 'add-field'),
    value: junk(),
    field: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'IBAN', 'password')),
  });
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => edits.reduce<unknown>((record, e) => applySafely(record, e), structuredClone(valid)));
}

/** Bad inputs for a parser of records shaped like `valid`: mostly broken copies of it, some junk from scratch. */
export function badInputsLike(valid: unknown): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary: mutationsOf(valid) }, { weight: 1, arbitrary: junk() }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
}

/**
 * Runs `check` on `runs` generated inputs (fast-check shrinks a failure to a small example) and
 * records the number of cases under `target` (shrinking included, and marked when it failed). Returns the count.
 */
export function fuzz<T>(target: string, inputs: fc.Arbitrary<T>, check: (input: T) => void, runs = fuzzRuns()): number {
  let cases = 0;
  let failed = false;
  try {
    fc.assert(
      fc.property(inputs, (input) => {
        cases += 1;
        check(input);
      }),
      { numRuns: runs },
    );
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    recordFuzzCases(target, cases, failed ? { failed: true } : undefined);
  }
  return cases;
}

/** The async variant, for checks that await (a decoder, an HTTP call). */
export async function fuzzAsync<T>(target: string, inputs: fc.Arbitrary<T>, check: (input: T) => Promise<void>, runs = fuzzRuns(), detail?: () => Record<string, unknown>): Promise<number> {
  let cases = 0;
  let failed = false;
  try {
    await fc.assert(
      fc.asyncProperty(inputs, async (input) => {
        cases += 1;
        await check(input);
      }),
      { numRuns: runs },
    );
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    recordFuzzCases(target, cases, { ...detail?.(), ...(failed ? { failed: true } : {}) });
  }
  return cases;
}
