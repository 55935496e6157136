import { InvalidRequest, type FieldProblem } from '@procurelink/system-api';
import type { Problem } from '../domain';
import type { SourceParse } from '../source';

/** A source-parser problem as an HTTP field problem: the path (`$` for the body itself), its closed-list code, the rule broken. */
export function toFieldProblem(problem: Problem): FieldProblem {
  return { path: problem.path === '' ? '$' : problem.path, code: problem.code, message: problem.message };
}

/** The parsed record, or a 400 invalid-request naming every field path (the parsers never put a value in a message). */
export function recordOrInvalid(parse: SourceParse) {
  if (!parse.ok) throw new InvalidRequest(parse.problems.map(toFieldProblem));
  return parse.record;
}
