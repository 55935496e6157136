/**
 * Why a field of a request was refused: a closed list, so clients can branch on it. Messages
 * never repeat the input value (it may be a bank account number); the path says where to look.
 */
export const PROBLEM_CODES = [
  /** The body, or a block inside it, is not a JSON object. */
  'NOT_AN_OBJECT',
  /** A required field is absent, null or blank. */
  'MISSING',
  /** The field has the wrong JSON type (a JSON number where a decimal string belongs, …). */
  'WRONG_TYPE',
  /** The text or list is longer than the field allows. */
  'TOO_LONG',
  /** The value does not have the required format. */
  'MALFORMED',
  /** The value is not one of the codes the field accepts. */
  'UNKNOWN_CODE',
  /** A decimal has more decimal places or digits than the contract allows. */
  'TOO_PRECISE',
  /** The value is well-formed but outside the allowed range (a zero amount, a negative count…). */
  'OUT_OF_RANGE',
  /** The field is not part of the contract; unknown fields are refused so nothing sensitive slips in. */
  'UNKNOWN_FIELD',
  /** Two values disagree (line amounts that do not add up to the document amount, …). */
  'INCONSISTENT',
  /** A value that must be unique appears more than once. */
  'DUPLICATE',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One thing wrong with a request, at a field path such as `lines[1].amount`. */
export interface Problem {
  readonly path: string;
  readonly code: ProblemCode;
  readonly message: string;
}

/** The outcome of a strict parse: the typed value, or every problem found (never a throw). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

export function problem(path: string, code: ProblemCode, message: string): Problem {
  return { path, code, message };
}

export function refused<T>(problems: readonly Problem[]): Parsed<T> {
  return { ok: false, problems };
}

export function parsed<T>(value: T, problems: readonly Problem[]): Parsed<T> {
  return problems.length === 0 ? { ok: true, value } : { ok: false, problems };
}
