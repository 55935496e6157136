import { RegistryError } from './registry-error';

export type CompatibilityLevel =
  | 'NONE'
  | 'BACKWARD'
  | 'BACKWARD_TRANSITIVE'
  | 'FORWARD'
  | 'FORWARD_TRANSITIVE'
  | 'FULL'
  | 'FULL_TRANSITIVE';

export interface RegisteredVersion {
  readonly id: number;
  readonly version: number;
  readonly schema: string;
}

export type CompatibilityAnswer =
  | { readonly subjectExists: false }
  | { readonly subjectExists: true; readonly compatible: boolean; readonly messages: readonly string[] };

/** HTTP basic credentials of the schema registry (SCHEMA_REGISTRY_USERNAME / SCHEMA_REGISTRY_PASSWORD). */
export interface RegistryCredentials {
  readonly username: string;
  readonly password: string;
}

export interface RegistryClientOptions {
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /** Sent as HTTP basic authorization; never part of an error. */
  readonly auth?: RegistryCredentials;
}

const CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';
const SUBJECT_NOT_FOUND = 40401;

/**
 * The few calls of the Confluent-compatible registry API that schema governance needs, over
 * fetch. Works against Confluent Schema Registry and Apicurio's /apis/ccompat/v7.
 */
export class RegistryClient {
  private readonly baseUrl: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly authorization: Record<string, string>;

  constructor(baseUrl: string, options: RegistryClientOptions = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    const { auth } = options;
    this.authorization = auth ? { authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` } : {};
  }

  /**
   * PUT /config/{subject}; the level applies to every later registration and check of the subject.
   * When several services start at once, Apicurio may answer 409 "rule already exists" to all but
   * the first that created the rule: the PUT is then repeated, as an update of that rule.
   */
  async setCompatibility(subject: string, level: CompatibilityLevel): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.call('PUT', `/config/${encodeURIComponent(subject)}`, subject, { compatibility: level });
        return;
      } catch (error) {
        const raced = error instanceof RegistryError && error.details.status === 409 && /already exists/i.test(error.message);
        if (!raced || attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
      }
    }
  }

  async getCompatibility(subject: string): Promise<string> {
    const body = await this.call('GET', `/config/${encodeURIComponent(subject)}`, subject);
    return String((body as { compatibilityLevel?: unknown }).compatibilityLevel);
  }

  /** Registers (or finds) the schema under the subject and returns its global id. */
  async register(subject: string, schema: string): Promise<number> {
    const body = await this.call('POST', `/subjects/${encodeURIComponent(subject)}/versions`, subject, { schema });
    return Number((body as { id?: unknown }).id);
  }

  /**
   * Asks whether a schema may be the subject's next version, against every version the subject's
   * compatibility level covers (all of them for *_TRANSITIVE). A subject with no versions is new.
   */
  async testCompatibility(subject: string, schema: string): Promise<CompatibilityAnswer> {
    try {
      const body = await this.call(
        'POST',
        `/compatibility/subjects/${encodeURIComponent(subject)}/versions?verbose=true`,
        subject,
        { schema },
      );
      const answer = body as { is_compatible?: unknown; messages?: unknown };
      const messages = Array.isArray(answer.messages) ? answer.messages.map(String) : [];
      return { subjectExists: true, compatible: answer.is_compatible === true, messages };
    } catch (error) {
      if (error instanceof RegistryError && error.code === 'NOT_FOUND') return { subjectExists: false };
      throw error;
    }
  }

  /** The subject's version numbers; none for a subject the registry does not hold. */
  async listVersions(subject: string): Promise<readonly number[]> {
    try {
      const body = await this.call('GET', `/subjects/${encodeURIComponent(subject)}/versions`, subject);
      return (body as unknown[]).map(Number);
    } catch (error) {
      if (error instanceof RegistryError && error.code === 'NOT_FOUND') return [];
      throw error;
    }
  }

  async getVersion(subject: string, version: number | 'latest'): Promise<RegisteredVersion> {
    const body = await this.call('GET', `/subjects/${encodeURIComponent(subject)}/versions/${version}`, subject);
    const { id, version: number, schema } = body as { id: number; version: number; schema: string };
    return { id, version: number, schema };
  }

  private async call(method: string, path: string, subject: string, payload?: object): Promise<unknown> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await this.fetch(url, {
        method,
        headers: { accept: CONTENT_TYPE, ...this.authorization, ...(payload === undefined ? {} : { 'content-type': CONTENT_TYPE }) },
        body: payload === undefined ? undefined : JSON.stringify(payload),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (cause) {
      throw new RegistryError(
        'UNREACHABLE',
        `the schema registry at ${this.baseUrl} did not answer ${method} ${path}: ${(cause as Error).message}`,
        true,
        { subject },
        { cause },
      );
    }
    const text = await response.text();
    const body = parseJson(text);
    if (response.ok) return body;
    throw failure(method, path, subject, response.status, body, text);
  }
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function failure(method: string, path: string, subject: string, status: number, body: unknown, text: string): RegistryError {
  const { error_code: registryErrorCode, message = text } = (body ?? {}) as { error_code?: number; message?: string };
  const details = { subject, status, ...(registryErrorCode === undefined ? {} : { registryErrorCode }) };
  const said = `${method} ${path} answered ${status}: ${message}`;
  if (status === 404 || registryErrorCode === SUBJECT_NOT_FOUND) return new RegistryError('NOT_FOUND', said, false, details);
  if (status === 409) return new RegistryError('INCOMPATIBLE', `${subject} refused an incompatible schema: ${message}`, false, details);
  if (status === 422) return new RegistryError('INVALID_SCHEMA', `${subject}: the registry rejected the schema: ${message}`, false, details);
  return new RegistryError('UNEXPECTED_RESPONSE', said, status >= 500 || status === 429, details);
}
