import type { SourceProblem } from './field-reader';

/** One line for an error message: "poNumber is required; lines[0].quantity must be …". */
export function describeProblems(problems: readonly SourceProblem[]): string {
  return problems.map((problem) => (problem.path === '' ? problem.message : `${problem.path} ${problem.message}`)).join('; ');
}
