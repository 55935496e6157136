import { Module, type DynamicModule } from '@nestjs/common';
import { PRODUCER_PORT } from '@procurelink/messaging';
import { SECURITY_HEADERS, SystemApiModule } from '@procurelink/system-api';
import { deleteRedisKeys, stackEndpoints, startHttpApp, uniquePrefix, type HttpApp } from '@procurelink/test-support';
import { ConsoleModule, parseConsoleConfig, withConsoleCredential } from './index';
import { CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE } from './http/console-page.controller';

const refusingProducer = { send: () => Promise.reject(new Error('not used')) };

@Module({})
class ConsoleLoginApp {
  static forRoot(prefix: string): DynamicModule {
    const { auth, credential } = withConsoleCredential({ apiKeys: [], devKeyInUse: false });
    return {
      module: ConsoleLoginApp,
      imports: [
        SystemApiModule.forRoot({ service: 'ops-console-login-test', auth, redisUrl: stackEndpoints().redisUrl, keyPrefix: `${prefix}api:`, openApi: { title: 'Ops', version: '0', routes: [] } }),
        ConsoleModule.forRoot({ ...parseConsoleConfig({}), apiCredential: credential }),
      ],
      providers: [{ provide: PRODUCER_PORT, useValue: refusingProducer }],
    };
  }
}

const prefix = uniquePrefix('console-login');
let http: HttpApp;

beforeAll(async () => {
  http = await startHttpApp(ConsoleLoginApp.forRoot(prefix), { bodyLimitBytes: 1_048_576 });
});

afterAll(async () => {
  await http?.app.close();
  await deleteRedisKeys(stackEndpoints().redisUrl, [`${prefix}*`]);
});

const login = (username: string, password: string): Promise<Response> =>
  fetch(`${http.baseUrl}/console/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-procurelink-console': '1' }, body: JSON.stringify({ username, password }) });

describe('console sign-in', () => {
  it(`past ${CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE} attempts a minute from one address › 429 with Retry-After, even with the right password`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE; i += 1) statuses.push((await login('operator', `guess-${i}`)).status);
    expect(statuses).toEqual(Array(CONSOLE_LOGIN_ATTEMPTS_PER_MINUTE).fill(401));
    const limited = await login('operator', 'operator');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(limited.headers.get('set-cookie')).toBeNull();
    const text = await limited.text();
    expect(JSON.parse(text)).toMatchObject({ type: 'urn:procurelink:problem:too-many-requests', status: 429 });
    expect(text).not.toContain('operator');
  });

  it('console answers carry the security headers (their own CSP) and no X-Powered-By', async () => {
    const response = await fetch(`${http.baseUrl}/console`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    for (const name of ['X-Content-Type-Options', 'X-Frame-Options', 'Referrer-Policy', 'Cache-Control']) expect([name, response.headers.get(name)]).toEqual([name, SECURITY_HEADERS[name]]);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('a sign-in body over the API body limit › 413 problem before the console reads it', async () => {
    const response = await login('operator', 'x'.repeat(2 * 1_048_576));
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.text()).not.toContain('xxxxxxxx');
  });
});
