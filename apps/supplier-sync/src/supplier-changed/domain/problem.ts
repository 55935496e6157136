/**
 * Why a field of a supplier record was refused: a closed list, so callers can branch on it and
 * an operator can read it. Messages never repeat the input value (it may be a bank account,
 * a tax id or a megabyte of junk); the field path says where to look.
 */
export const PROBLEM_CODES = [
  /** The record, or a block inside it, is not a JSON object. */
  'NOT_AN_OBJECT',
  /** A required field is absent, null or blank. */
  'MISSING',
  /** The field has the wrong JSON type (a number where text belongs, an object for a list…). */
  'WRONG_TYPE',
  /** The text or list is longer than the field allows. */
  'TOO_LONG',
  /** The value does not have the required format. */
  'MALFORMED',
  /** The value is not one of the codes the field accepts. */
  'UNKNOWN_CODE',
  /** The value has the wrong number of characters (IBAN per country, D-U-N-S, routing number). */
  'WRONG_LENGTH',
  /** A check digit does not add up (IBAN mod-97, ABA 3-7-1). */
  'CHECKSUM_FAILED',
  /** The value is well-formed but not supported (e.g. an IBAN country outside the supported list). */
  'UNSUPPORTED',
  /** Two values that exclude each other were both given. */
  'CONFLICT',
  /** A value that must be unique appears more than once. */
  'DUPLICATE',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One thing wrong with an input, at a field path such as `BANK.IBAN` or `addresses[1].postalCode`. */
export interface Problem {
  readonly path: string;
  readonly code: ProblemCode;
  readonly message: string;
}

/** The outcome of a strict parse: the typed record, or every problem found (never a throw). */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

export function problem(path: string, code: ProblemCode, message: string): Problem {
  return { path, code, message };
}

/** One line for logs and HTTP 400 bodies: `BANK.IBAN: fails the mod-97 check` (the whole record has the empty path). */
export function formatProblem(p: Problem): string {
  return p.path === '' ? p.message : `${p.path}: ${p.message}`;
}
