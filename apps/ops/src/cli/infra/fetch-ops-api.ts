import {
  OpsApiError,
  type DeadLetterPage,
  type DeadLetterQuery,
  type JsonObject,
  type OpsApi,
  type ReconciliationRequest,
  type ReplayReport,
  type ReplayRequest,
} from '../api/ops-api';
import { readDeadLetterPage, readObject, readProblem, readReplayReport, UnexpectedResponse } from '../api/response-shapes';

export interface FetchOpsApiOptions {
  /** e.g. http://127.0.0.1:3105 (no trailing slash needed) */
  readonly baseUrl: string;
  /** sent as X-API-Key; never printed */
  readonly apiKey: string;
  /** per request; a replay chunk or a reconciliation can take a while */
  readonly timeoutMs?: number;
}

const QUERY_NAMES: ReadonlyArray<keyof DeadLetterQuery> = ['service', 'errorCode', 'from', 'to', 'supplierId', 'facilityId', 'businessKey', 'status', 'limit', 'after'];

/** The ops /v1 API over fetch: X-API-Key auth, JSON in and out, problem+json errors as OpsApiError. */
export class FetchOpsApi implements OpsApi {
  private readonly baseUrl: string;

  constructor(private readonly options: FetchOpsApiOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async listDeadLetters(query: DeadLetterQuery): Promise<DeadLetterPage> {
    const params = new URLSearchParams();
    for (const name of QUERY_NAMES) {
      const value = query[name];
      if (value !== undefined) params.set(name, String(value));
    }
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return readDeadLetterPage(await this.request('GET', `/v1/dead-letters${search}`));
  }

  async getDeadLetter(id: number): Promise<JsonObject> {
    return readObject(await this.request('GET', `/v1/dead-letters/${id}`), 'a dead letter');
  }

  async replay(request: ReplayRequest): Promise<ReplayReport> {
    return readReplayReport(await this.request('POST', '/v1/dead-letters/replay', request), request.dryRun);
  }

  async runReconciliation(request: ReconciliationRequest): Promise<JsonObject> {
    return readObject(await this.request('POST', '/v1/reconciliations', request), 'a reconciliation');
  }

  async trace(businessKey: string): Promise<JsonObject> {
    return readObject(await this.request('GET', `/v1/trace/${encodeURIComponent(businessKey)}`), 'a trace');
  }

  private async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: 'application/json, application/problem+json',
          'x-api-key': this.options.apiKey,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 120_000),
      });
    } catch (error) {
      throw new OpsApiError({ status: 0, title: 'Ops service unreachable', detail: `${method} ${this.baseUrl}${path.split('?')[0]}: ${transportReason(error)}` });
    }
    const raw = await response.text();
    let parsed: unknown = undefined;
    if (raw !== '') {
      try {
        parsed = JSON.parse(raw);
      } catch {
        if (response.ok) throw new UnexpectedResponse(`${method} ${path.split('?')[0]} with a body that is not JSON`);
      }
    }
    if (!response.ok) throw new OpsApiError(readProblem(response.status, response.statusText, parsed));
    return parsed;
  }
}

/** Why fetch got no answer (duck-typed: fetch's errors may come from another realm). */
function transportReason(error: unknown): string {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as { name?: string; message?: string; cause?: { code?: string; message?: string; errors?: Array<{ code?: string }> } };
  if (failure.name === 'TimeoutError') return 'no answer in time';
  const cause = failure.cause;
  return cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? failure.message ?? String(error);
}
