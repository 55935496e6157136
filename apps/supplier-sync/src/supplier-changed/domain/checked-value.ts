import { problem, type Problem, type ProblemCode } from './problem';

/** The result of checking one value: the normalised value, or why it was refused (never repeating it). */
export type CheckedValue<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: ProblemCode; readonly message: string };

/** The value, or null after recording the refusal as a problem at `path`. */
export function checked<T>(result: CheckedValue<T>, path: string, problems: Problem[]): T | null {
  if (result.ok) return result.value;
  problems.push(problem(path, result.code, result.message));
  return null;
}
