import { InvalidRequest, type FieldProblem } from '@procurelink/system-api';
import { parseApInvoiceRecord, type ApInvoiceRecord, type SourceProblem } from '../source';

/** The parser's rules (its messages) as the closed list of codes an API client can branch on. */
const CODES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^is required/, 'REQUIRED'],
  [/not a JSON number/, 'NOT_A_DECIMAL_STRING'],
  [/^must be a decimal string/, 'INVALID_DECIMAL'],
  [/must be an? (string|array|object|JSON object)$/, 'WRONG_TYPE'],
  [/^must not be blank/, 'BLANK'],
  [/^must be at most \d+ characters/, 'TOO_LONG'],
  [/^must hold \d+ to \d+ lines/, 'WRONG_COUNT'],
  [/^must be unique/, 'NOT_UNIQUE'],
  [/^must not be before/, 'OUT_OF_ORDER'],
  [/^must be a whole number/, 'OUT_OF_RANGE'],
];

/** A source-parser problem as an HTTP field problem: `$` for the body itself, a code for the rule, the rule broken (never the value). */
export function toFieldProblem(problem: SourceProblem): FieldProblem {
  const code = CODES.find(([pattern]) => pattern.test(problem.message))?.[1] ?? 'INVALID_FORMAT';
  return { path: problem.path === '' ? '$' : problem.path, code, message: problem.message };
}

/** The AP automation invoice in the body, or a 400 invalid-request naming every field path that is wrong. */
export function invoiceRecordOrInvalid(body: unknown): ApInvoiceRecord {
  const parsed = parseApInvoiceRecord(body);
  if (!parsed.ok) throw new InvalidRequest(parsed.problems.map(toFieldProblem));
  return parsed.record;
}
