/** One thing wrong with an input document, at a JSON field path such as `lines[2].glAccount`. */
export interface FieldProblem<Code extends string> {
  readonly path: string;
  readonly code: Code;
  readonly message: string;
}
