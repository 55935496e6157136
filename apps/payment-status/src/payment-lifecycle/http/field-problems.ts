import { InvalidRequest, type FieldProblem } from '@procurelink/system-api';
import { parseErpPaymentRecord, type ErpPaymentRecord, type SourceProblem } from '../source';

/** A source-parser problem as an HTTP field problem: `$` for the body itself, the closed-list code, the rule broken (never the value). */
export function toFieldProblem(problem: SourceProblem): FieldProblem {
  return { path: problem.path === '' ? '$' : problem.path, code: problem.code, message: problem.message };
}

/** The ERP payment record in the body, or a 400 invalid-request naming every field path that is wrong. */
export function paymentRecordOrInvalid(body: unknown): ErpPaymentRecord {
  const parsed = parseErpPaymentRecord(body);
  if (!parsed.ok) throw new InvalidRequest(parsed.problems.map(toFieldProblem));
  return parsed.record;
}
