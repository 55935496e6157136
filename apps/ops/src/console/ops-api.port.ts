import type { ConsoleUser } from './domain/roles';

/** One call of the /v1 ops API on behalf of a console user. */
export interface OpsApiCall {
  readonly method: 'GET' | 'POST';
  /** e.g. /v1/dead-letters/42 */
  readonly v1Path: string;
  /** the query string, with its leading "?" or empty */
  readonly search: string;
  readonly body?: unknown;
  readonly user: ConsoleUser;
}

/** The API's answer, relayed to the page as it is (status, content type, body). */
export interface OpsApiAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/** How the console reaches the ops API (the default adapter calls this app's own /v1 routes). */
export interface OpsApiPort {
  call(request: OpsApiCall): Promise<OpsApiAnswer>;
}

export const OPS_API_PORT = Symbol('OPS_API_PORT');
