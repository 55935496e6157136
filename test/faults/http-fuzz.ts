import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { startService, type ServiceProcess } from '../service-process';
import { stackEndpoints } from '../stack-env';
import { badInputsLike, fuzzAsync, fuzzRuns, junk } from './fuzz';

/**
 * Fuzzing a service's HTTP system API from the outside: the built service as a process on
 * 127.0.0.1 (on the stack, under a topic prefix of its own), thousands of generated requests to its
 * documented routes and to made-up ones, with broken bodies, content types, credentials,
 * idempotency keys and path parameters. Every answer must come within the deadline and be either a
 * success (a mutation that happens to be valid is accepted) or a 4xx application/problem+json
 * whose type is one the API documents — never a 5xx, never a hang.
 */
export const KNOWN_PROBLEM_TYPES = [
  'bad-request',
  'unauthorized',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'conflict',
  'payload-too-large',
  'unsupported-media-type',
  'unprocessable',
  'too-many-requests',
  'invalid-request',
  'malformed-json',
  'idempotency-key-in-progress',
  'idempotency-key-reused',
  'bank-details-confirmation-refused',
  'submission-not-found',
].map((slug) => `urn:procurelink:problem:${slug}`);

const DEV_KEY = 'procurelink-dev-key';
const ANSWER_DEADLINE_MS = 10_000;

export interface FuzzedApi {
  readonly service: ServiceProcess;
  readonly baseUrl: string;
  readonly routes: ReadonlyArray<{ readonly method: string; readonly path: string }>;
  stop(): Promise<void>;
}

/** Starts the built service on a free port of 127.0.0.1, under a prefix of its own, and reads its documented routes. */
export async function startFuzzedService(name: string): Promise<FuzzedApi> {
  const stack = stackEndpoints();
  const service = startService(name, {
    PROCURELINK_TOPIC_PREFIX: `fuzz-${Date.now().toString(36)}-${randomUUID().slice(0, 6)}.`,
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    SCHEMA_REGISTRY_URL: stack.schemaRegistryUrl,
    REDIS_URL: stack.redisUrl,
    ERP_BASE_URL: 'http://127.0.0.1:9',
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    OTEL_SDK_DISABLED: 'true',
    LOG_LEVEL: 'info',
  });
  const port = await service.port(90_000);
  const baseUrl = `http://127.0.0.1:${port}`;
  const document = (await (await fetch(`${baseUrl}/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => ({ method: method.toUpperCase(), path })));
  return {
    service,
    baseUrl,
    routes,
    async stop() {
      const timer = setTimeout(() => service.child.kill('SIGKILL'), 15_000);
      await service.stop();
      clearTimeout(timer);
    },
  };
}

interface FuzzRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

const header = fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('', ' ', 'x'.repeat(300), '\t', 'null'));
/** Header values must be ISO-8859-1 without control characters to be sent at all: keep what fetch accepts. */
const sendable = (value: string): string => value.replace(/[^\x20-\x7e]/g, '?');

function pathParam(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom('PO-1', 'INV-1', 'PAY-1', 'V-10001', 'a'.repeat(300), '..', '%2e%2e', '%00', '%', '%ZZ', ' ', '%F0%9F%92%A9', 'con', '__proto__', 'constructor'),
    fc.string({ maxLength: 30 }).map((s) => encodeURIComponent(s)),
  );
}

function requests(api: FuzzedApi, samples: Readonly<Record<string, unknown>>): fc.Arbitrary<FuzzRequest> {
  const documented = fc.constantFrom(...api.routes).chain((route) =>
    fc.record({
      method: fc.oneof({ weight: 4, arbitrary: fc.constant(route.method) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE') }),
      path: fc.array(pathParam(), { minLength: 3, maxLength: 3 }).map(([a, b, c]) => {
        const params = [a, b, c] as string[];
        return route.path.replace(/\{[^}]+\}|:[A-Za-z]+/g, () => params.shift() ?? 'x');
      }),
      sample: fc.constant(samples[route.path]),
    }),
  );
  const madeUp = fc.record({
    method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
    path: fc.oneof(
      fc.array(pathParam(), { minLength: 1, maxLength: 5 }).map((parts) => `/${parts.join('/')}`),
      fc.constantFrom('/v1', '/v1/', '//v1//invoices', '/v1/submissions/x', '/v1/openapi.json/x', '/health/../v1/invoices', '/v1/invoices?limit=-1&limit=2', `/v1/${'a/'.repeat(200)}`),
    ),
    sample: fc.constant(undefined),
  });
  return fc.record({
    target: fc.oneof({ weight: 5, arbitrary: documented }, { weight: 1, arbitrary: madeUp }),
    body: fc.option(fc.oneof({ weight: 3, arbitrary: fc.constant('sample') }, { weight: 1, arbitrary: fc.constant('text') }, { weight: 1, arbitrary: fc.constant('json') }), { nil: undefined }),
    sampleBody: fc.anything(),
    text: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('{', '{"a":', '[1,2', 'null', '"\\ud800"', '{"a":1}{"b":2}', '\uFEFF{}', '1e999999', 'x'.repeat(70_000))),
    json: fc.jsonValue({ maxDepth: 4 }),
    contentType: fc.option(fc.constantFrom('application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'text/plain', 'application/x-www-form-urlencoded', 'application/problem+json', 'multipart/form-data; boundary=x', ''), { nil: undefined }),
    auth: fc.constantFrom('dev-key', 'dev-key', 'dev-key', 'wrong-key', 'bearer-junk', 'none', 'both'),
    junkAuth: header,
    idempotencyKey: fc.option(header, { nil: undefined }),
    extraHeader: fc.option(fc.tuple(fc.constantFrom('x-forwarded-for', 'content-encoding', 'transfer-encoding', 'x-request-id', 'accept'), header), { nil: undefined }),
  }).chain((shape) => {
    const sampleArb = shape.target.sample === undefined ? junk() : badInputsLike(shape.target.sample);
    return sampleArb.map((mutated): FuzzRequest => {
      const headers: Record<string, string> = {};
      if (shape.contentType !== undefined) headers['content-type'] = shape.contentType;
      if (shape.auth === 'dev-key' || shape.auth === 'both') headers['x-api-key'] = DEV_KEY;
      if (shape.auth === 'wrong-key') headers['x-api-key'] = sendable(shape.junkAuth);
      if (shape.auth === 'bearer-junk' || shape.auth === 'both') headers['authorization'] = `Bearer ${sendable(shape.junkAuth)}`;
      if (shape.idempotencyKey !== undefined) headers['idempotency-key'] = sendable(shape.idempotencyKey);
      if (shape.extraHeader !== undefined && !['content-encoding', 'transfer-encoding'].includes(shape.extraHeader[0])) headers[shape.extraHeader[0]] = sendable(shape.extraHeader[1]);
      if (shape.extraHeader?.[0] === 'content-encoding') headers['content-encoding'] = sendable(shape.extraHeader[1]) || 'gzip';
      const body =
        shape.body === undefined || shape.target.method === 'GET' || shape.target.method === 'DELETE'
          ? undefined
          : shape.body === 'sample'
            ? (JSON.stringify(mutated) ?? 'null')
            : shape.body === 'text'
              ? shape.text
              : (JSON.stringify(shape.json) ?? 'null');
      return { method: shape.target.method, path: shape.target.path, headers, body };
    });
  });
}

export interface HttpFuzzResult {
  readonly cases: number;
  readonly byStatus: Record<number, number>;
}

/** Sends the generated requests and checks every answer; returns how many ran and the statuses seen. */
export async function fuzzSystemApi(api: FuzzedApi, samples: Readonly<Record<string, unknown>>, runs = fuzzRuns(700)): Promise<HttpFuzzResult> {
  const byStatus: Record<number, number> = {};
  const cases = await fuzzAsync(
    `${api.service.name}: HTTP system API (paths, methods, headers, bodies)`,
    requests(api, samples),
    async (request) => {
      const what = `${request.method} ${request.path.slice(0, 120)} ${JSON.stringify(request.headers).slice(0, 300)} body ${request.body?.slice(0, 200) ?? '(none)'}`;
      let response: Response;
      try {
        response = await fetch(`${api.baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body, signal: AbortSignal.timeout(ANSWER_DEADLINE_MS) });
      } catch (error) {
        // A request fetch itself refuses to build (an invalid URL or header) never reached the service.
        if (error instanceof TypeError && !/fetch failed/.test(error.message)) return;
        throw new Error(`no answer within ${ANSWER_DEADLINE_MS} ms or connection failed (${String((error as Error).cause ?? error)}) for ${what}\n${api.service.output().slice(-2000)}`);
      }
      const text = await response.text();
      byStatus[response.status] = (byStatus[response.status] ?? 0) + 1;
      if (response.status < 400) return;
      if (response.status >= 500) throw new Error(`${response.status} for ${what}: ${text.slice(0, 500)}\n${api.service.output().slice(-2000)}`);
      expect({ status: response.status, contentType: response.headers.get('content-type') }).toEqual({ status: response.status, contentType: expect.stringMatching(/^application\/problem\+json/) });
      const problem = JSON.parse(text) as { type?: unknown; status?: unknown };
      if (!KNOWN_PROBLEM_TYPES.includes(String(problem.type)) || problem.status !== response.status) {
        throw new Error(`unknown problem ${text.slice(0, 300)} (${response.status}) for ${what}`);
      }
    },
    runs,
    () => ({ byStatus }),
  );
  return { cases, byStatus };
}
