import { InvalidRequest, type FieldProblem } from '@procurelink/system-api';
import type { ParseResult, SourceProblem } from '../source';

/** A source-parser problem as an HTTP field problem: the path (`$` for the body itself), a code, the rule broken. */
export function toFieldProblem(problem: SourceProblem): FieldProblem {
  return {
    path: problem.path === '' ? '$' : problem.path,
    code: problem.message === 'is required' ? 'REQUIRED' : 'INVALID_VALUE',
    message: problem.message,
  };
}

/** The parsed record, or a 400 invalid-request naming every field path (messages never echo a value). */
export function recordOrInvalid<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new InvalidRequest(result.problems.map(toFieldProblem));
  return result.record;
}
