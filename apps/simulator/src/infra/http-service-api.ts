import type { ApiAnswer, ServiceApi } from '../play/ports';

/** A service's system API over fetch with an API key. */
export class HttpServiceApi implements ServiceApi {
  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  get(path: string): Promise<ApiAnswer> {
    return this.call('GET', path);
  }

  post(path: string, body: unknown): Promise<ApiAnswer> {
    return this.call('POST', path, body);
  }

  private async call(method: string, path: string, body?: unknown): Promise<ApiAnswer> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'x-api-key': this.apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed };
  }
}
