import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createKafka, createProducer, ensureTopics, PRODUCER_PORT, type BatchingProducer } from '@procurelink/messaging';
import { HealthModule } from '@procurelink/service-host';
import { stackEndpoints } from '@procurelink/test-support';
import { Redis } from 'ioredis';
import type { Kafka, Producer } from 'kafkajs';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { configureSystemApi, parseSystemApiConfig, SECURITY_HEADERS, SystemApiModule } from './index';
import { TEST_TOPIC, TestInvoicesController } from './spec/test-documents.controller.spec';

// Hostile clients against a real app on 127.0.0.1 (Redis and Kafka of the stack): every refusal is
// a problem+json with the right status, and nothing the client sent (or any secret) comes back.

const run = randomUUID().slice(0, 8);
const topic = `test.hostile.${run}`;
const keyPrefix = `test:hostile:${run}:`;
const limitedPrefix = `test:hostile-limited:${run}:`;
const WRITER_KEY = `writer-key-${run}`;
const READER_KEY = `reader-key-${run}`;
const JWT_SECRET = `jwt-secret-${run}-padding-to-32-bytes-and-more`;
const LIMIT = 2048;
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function jwt(claims: Record<string, unknown>, secret = JWT_SECRET): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

let kafka: Kafka;
let producer: Producer;
let port: BatchingProducer;
let redis: Redis;
const apps: INestApplication[] = [];

async function startApp(options: { keyPrefix: string; rateLimitPerMinute: number; strictTransportSecurity?: boolean }): Promise<string> {
  const { auth, bodyLimitBytes } = parseSystemApiConfig({
    API_KEYS: `writer:${sha(WRITER_KEY)}:invoices:submit|invoices:read,reader:${sha(READER_KEY)}:payments:read`,
    API_JWT_SECRET: JWT_SECRET,
    API_BODY_LIMIT_BYTES: String(LIMIT),
  });
  @Module({
    imports: [
      HealthModule.forService('hostile-test'),
      SystemApiModule.forRoot({
        service: 'hostile-test',
        auth,
        redisUrl: stackEndpoints().redisUrl,
        keyPrefix: options.keyPrefix,
        rateLimitPerMinute: options.rateLimitPerMinute,
        strictTransportSecurity: options.strictTransportSecurity ?? false,
        openApi: { title: 'Hostile', version: '1', routes: [] },
      }),
    ],
    controllers: [TestInvoicesController],
    providers: [
      { provide: PRODUCER_PORT, useValue: port },
      { provide: TEST_TOPIC, useValue: topic },
    ],
  })
  class HostileAppModule {}
  const app = await NestFactory.create(HostileAppModule, { bodyParser: false, logger: false });
  configureSystemApi(app, { bodyLimitBytes, strictTransportSecurity: options.strictTransportSecurity ?? false });
  await app.listen(0, '127.0.0.1');
  apps.push(app);
  return `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
}

let base: string;

beforeAll(async () => {
  const stack = stackEndpoints();
  kafka = createKafka({ clientId: `hostile-${run}`, brokers: stack.kafkaBrokers, logLevel: 'nothing' });
  const admin = kafka.admin();
  await admin.connect();
  await ensureTopics(admin, [topic], 1);
  await admin.disconnect();
  ({ producer, port } = await createProducer(kafka));
  redis = new Redis(stack.redisUrl);
  base = await startApp({ keyPrefix, rateLimitPerMinute: 1000, strictTransportSecurity: true });
});

afterAll(async () => {
  for (const app of apps) await app.close();
  await producer?.disconnect();
  if (redis) {
    for (const prefix of [keyPrefix, limitedPrefix]) {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    await redis.quit();
  }
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

const invoice = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ invoiceNumber: `INV-${randomUUID().slice(0, 8)}`, lines: [{ quantity: '2' }], ...extra });

function post(body: unknown, headers: Record<string, string> = { 'X-API-Key': WRITER_KEY, 'Content-Type': 'application/json' }, url = base): Promise<Response> {
  return fetch(`${url}/v1/test-invoices`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

/** A problem+json of this status, slug and shape, echoing none of `never`; the body text is returned. */
async function expectProblem(response: Response, status: number, slug: string, never: readonly string[] = []): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  const text = await response.text();
  for (const value of never) expect(text).not.toContain(value);
  const problem = JSON.parse(text) as Record<string, unknown>;
  expect(problem).toMatchObject({ type: `urn:procurelink:problem:${slug}`, status });
  expect(typeof problem.title).toBe('string');
  expect(typeof problem.detail).toBe('string');
  return problem;
}

/** Sends raw bytes (what fetch refuses to send) and returns the raw answer. */
function rawRequest(url: string, request: string): Promise<string> {
  const { port: target } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(target), '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer within 5 s')));
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('hostile requests against the system API', () => {
  describe('authentication and scopes', () => {
    it('no credentials › 401 with a Bearer challenge', async () => {
      const response = await post(invoice(), { 'Content-Type': 'application/json' });
      expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="procurelink"/);
      await expectProblem(response, 401, 'unauthorized');
    });

    it('an unknown API key › 401 that does not repeat the key', async () => {
      const guess = `guess-${randomUUID()}`;
      await expectProblem(await post(invoice(), { 'X-API-Key': guess, 'Content-Type': 'application/json' }), 401, 'unauthorized', [guess]);
    });

    it('a key without the scope › 403 naming the missing scope only', async () => {
      const problem = await expectProblem(await post(invoice(), { 'X-API-Key': READER_KEY, 'Content-Type': 'application/json' }), 403, 'insufficient-scope', [READER_KEY]);
      expect(problem.missingScopes).toEqual(['invoices:submit']);
    });

    it('an expired JWT › 401, the token not echoed', async () => {
      const token = jwt({ sub: 'erp', scope: 'invoices:submit', exp: Math.floor(Date.now() / 1000) - 3600 });
      const response = await post(invoice(), { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });
      expect(response.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
      await expectProblem(response, 401, 'unauthorized', [token, token.split('.')[2] ?? token]);
    });

    it('a JWT signed with another key › 401', async () => {
      const forged = jwt({ sub: 'erp', scope: 'invoices:submit', exp: Math.floor(Date.now() / 1000) + 600 }, 'an-attacker-secret-of-at-least-32-bytes!');
      await expectProblem(await post(invoice(), { Authorization: `Bearer ${forged}`, 'Content-Type': 'application/json' }), 401, 'unauthorized', [forged]);
    });

    it('an alg=none JWT › 401', async () => {
      const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
      const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'erp', scope: 'invoices:submit', exp: Math.floor(Date.now() / 1000) + 600 })}.`;
      await expectProblem(await post(invoice(), { Authorization: `Bearer ${unsigned}`, 'Content-Type': 'application/json' }), 401, 'unauthorized');
    });
  });

  describe('bodies', () => {
    it('a body over the limit › 413 before it is read', async () => {
      const problem = await expectProblem(await post(invoice({ padding: 'x'.repeat(LIMIT * 2) })), 413, 'payload-too-large', ['xxxxxxxxxx']);
      expect(problem.detail).toBe(`the body exceeds ${LIMIT} bytes`);
    });

    it('malformed JSON › 400 that does not quote the body', async () => {
      const marker = `s3cret-${run}`;
      await expectProblem(await post(`{"invoiceNumber": "${marker}", "lines": [`), 400, 'malformed-json', [marker]);
    });

    it('another content type › 415', async () => {
      const marker = `<xml>${run}</xml>`;
      await expectProblem(await post(marker, { 'X-API-Key': WRITER_KEY, 'Content-Type': 'application/xml' }), 415, 'unsupported-media-type', [marker]);
      await expectProblem(await post('a=1', { 'X-API-Key': WRITER_KEY, 'Content-Type': 'application/x-www-form-urlencoded' }), 415, 'unsupported-media-type');
    });

    it.each([
      ['SQL', "1' OR '1'='1'; DROP TABLE invoices;--"],
      ['script', '<script>alert(document.cookie)</script>'],
      ['path traversal', '../../../../etc/passwd'],
      ['CRLF', '1\r\nSet-Cookie: session=stolen'],
      ['template', '${process.env.API_JWT_SECRET}{{7*7}}'],
    ])('a %s string in a validated field › 400 naming the field, not the value', async (_kind, hostile) => {
      const response = await post(invoice({ lines: [{ quantity: hostile }] }));
      expect(response.headers.get('set-cookie')).toBeNull();
      const problem = await expectProblem(response, 400, 'invalid-request', [hostile, 'DROP TABLE', '<script', 'passwd', 'stolen', '{{7*7}}']);
      expect((problem.problems as Array<{ path: string }>).map((p) => p.path)).toEqual(['lines[0].quantity']);
    });

    it('a NoSQL operator object where a string belongs › 400 naming the field', async () => {
      const problem = await expectProblem(await post(invoice({ lines: [{ quantity: { $gt: '' } }] })), 400, 'invalid-request', ['$gt']);
      expect((problem.problems as Array<{ path: string }>).map((p) => p.path)).toEqual(['lines[0].quantity']);
    });

    it('__proto__ and constructor.prototype keys › handled as plain data: no object in the process is polluted', async () => {
      const body = `{"__proto__":{"polluted":"yes","isAdmin":true},"constructor":{"prototype":{"polluted":"yes"}},"invoiceNumber":"INV-P-${run}","lines":[{"quantity":"1","__proto__":{"polluted":"yes"}}]}`;
      const response = await post(body);
      expect([202, 400]).toContain(response.status);
      expect(await response.text()).not.toContain('polluted');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
      expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    });
  });

  describe('URLs and headers', () => {
    it('a path traversal in the URL › 404 problem that does not echo the path', async () => {
      const answer = await rawRequest(base, `GET /v1/..%2f..%2fetc%2fpasswd%3Cscript%3E HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: ${WRITER_KEY}\r\nConnection: close\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 404 /);
      expect(answer).toMatch(/content-type: application\/problem\+json/i);
      expect(answer).not.toMatch(/passwd|script/i);
    });

    it('a CR/LF smuggled into a header value › refused by the HTTP parser (400), nothing reflected into the answer', async () => {
      const answer = await rawRequest(
        base,
        `POST /v1/test-invoices HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: ${WRITER_KEY}\r\nIdempotency-Key: abc\rSet-Cookie: injected=1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
      );
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).not.toMatch(/injected/i);
    });

    it('a hostile Idempotency-Key › accepted as an opaque value, never reflected into a header', async () => {
      const key = `k-${run}-"><script>alert(1)</script>`;
      const response = await post(invoice(), { 'X-API-Key': WRITER_KEY, 'Content-Type': 'application/json', 'Idempotency-Key': key });
      expect([202, 400]).toContain(response.status);
      for (const [, value] of response.headers) expect(value).not.toContain('<script>');
    });
  });

  describe('response headers', () => {
    it('every answer (accepted, refused, health) carries the security headers, HSTS when configured, and no X-Powered-By', async () => {
      const answers = [await post(invoice()), await post(invoice(), { 'Content-Type': 'application/json' }), await fetch(`${base}/health/live`), await fetch(`${base}/nowhere`)];
      expect(answers.map((r) => r.status)).toEqual([202, 401, 200, 404]);
      for (const response of answers) {
        for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect([name, response.headers.get(name)]).toEqual([name, value]);
        expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
        expect(response.headers.get('x-powered-by')).toBeNull();
      }
    });
  });

  describe('rate limits', () => {
    it('past API_RATE_LIMIT_PER_MINUTE › 429 with Retry-After, counted per client across every instance (Redis)', async () => {
      const [one, two] = [await startApp({ keyPrefix: limitedPrefix, rateLimitPerMinute: 3 }), await startApp({ keyPrefix: limitedPrefix, rateLimitPerMinute: 3 })];
      const get = (url: string, key: string): Promise<Response> => fetch(`${url}/v1/test-invoices/INV-1/status`, { headers: { 'X-API-Key': key } });
      expect([(await get(one, WRITER_KEY)).status, (await get(two, WRITER_KEY)).status, (await get(one, WRITER_KEY)).status]).toEqual([200, 200, 200]);
      const limited = await get(two, WRITER_KEY);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      const problem = await expectProblem(limited, 429, 'too-many-requests', [WRITER_KEY]);
      expect(problem.retryAfterSeconds).toBe(retryAfter);
      // Another client has its own budget; health checks are never limited.
      expect((await get(one, READER_KEY)).status).toBe(403);
      expect((await fetch(`${two}/health/live`)).status).toBe(200);
    });

    it('anonymous and refused requests count against their address, so guessing keys is limited too', async () => {
      const limited = await startApp({ keyPrefix: `${limitedPrefix}anon:`, rateLimitPerMinute: 2 });
      const guess = (): Promise<Response> => fetch(`${limited}/v1/test-invoices/INV-1/status`, { headers: { 'X-API-Key': `guess-${randomUUID()}` } });
      expect([(await guess()).status, (await guess()).status]).toEqual([401, 401]);
      await expectProblem(await guess(), 429, 'too-many-requests');
    });
  });
});
