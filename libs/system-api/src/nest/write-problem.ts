import { PROBLEM_CONTENT_TYPE, type ProblemDetails } from '../domain/problems';

/** The part of an Express / Node response the problem writer needs. */
export interface ProblemResponse {
  headersSent: boolean;
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body: string): unknown;
}

export function writeProblem(response: ProblemResponse, problem: ProblemDetails, headers: Readonly<Record<string, string>> = {}): void {
  if (response.headersSent) return;
  response.statusCode = problem.status;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.setHeader('Content-Type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(problem));
}
