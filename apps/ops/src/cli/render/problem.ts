import type { Problem } from '../api/ops-api';

/** The API's problem (RFC 9457) for a person: status, title, detail and the field paths. */
export function renderProblem(problem: Problem): string {
  const head = problem.status === 0 ? `error: ${problem.title}: ${problem.detail}` : `error: ${problem.status} ${problem.title}: ${problem.detail}`;
  const fields = (problem.problems ?? []).map((p) => `  ${p.path ?? '(body)'}: ${[p.code, p.message].filter(Boolean).join(' ')}`);
  const hint =
    problem.status === 401 ? ['  (check PROCURELINK_API_KEY or --api-key)'] : problem.status === 403 ? ['  (the key lacks the scope this command needs: ops:read, ops:replay or ops:reconcile)'] : [];
  return [head, ...fields, ...hint].join('\n');
}
