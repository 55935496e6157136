import { evaluateReadiness, shortReason, withTimeout } from './health-report';

const up = async (): Promise<void> => undefined;
const down = (message: string) => async (): Promise<void> => {
  throw new Error(message);
};

describe('readiness', () => {
  describe('when every check is up', () => {
    it('is ready and names every check up, with no reasons', async () => {
      const report = await evaluateReadiness('po-sync', [{ name: 'kafka', probe: up }, { name: 'redis', probe: up }], 100);
      expect(report).toEqual({ status: 'ready', service: 'po-sync', checks: { kafka: 'up', redis: 'up' } });
    });
  });

  describe('when one check fails', () => {
    it('is not ready, marks only that check down and says why', async () => {
      const report = await evaluateReadiness('po-sync', [{ name: 'kafka', probe: up }, { name: 'redis', probe: down('connect ECONNREFUSED 127.0.0.1:1') }], 100);
      expect(report).toEqual({
        status: 'not-ready',
        service: 'po-sync',
        checks: { kafka: 'up', redis: 'down' },
        reasons: { redis: 'connect ECONNREFUSED 127.0.0.1:1' },
      });
    });
  });

  describe('when a check hangs', () => {
    it('is down after the timeout, and the report does not wait for it', async () => {
      const started = Date.now();
      const report = await evaluateReadiness('ops', [{ name: 'postgres', probe: () => new Promise<void>(() => undefined) }], 50);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(report.checks).toEqual({ postgres: 'down' });
      expect(report.reasons).toEqual({ postgres: 'timed out after 50 ms' });
    });
  });

  it('a probe that throws synchronously counts as down, not as a crash', async () => {
    const report = await evaluateReadiness('x', [{ name: 'registry', probe: () => { throw new Error('boom'); } }], 50);
    expect(report.checks).toEqual({ registry: 'down' });
  });
});

describe('shortReason', () => {
  it('masks credentials in URLs and drops query strings', () => {
    expect(shortReason(new Error('fetch https://svc:s3cr3t@registry.example/apis/ccompat/v7?token=abc failed'))).toBe(
      'fetch https://***@registry.example/apis/ccompat/v7 failed',
    );
    expect(shortReason(new Error('redis://default:hunter2@redis:6379 refused'))).toBe('redis://***@redis:6379 refused');
  });

  it('masks password= and token= pairs and keeps one bounded line', () => {
    expect(shortReason(new Error('auth failed password=hunter2\nmore'))).toBe('auth failed password=*** more');
    expect(shortReason(new Error('x'.repeat(500))).length).toBeLessThanOrEqual(160);
  });
});

describe('withTimeout', () => {
  it('resolves with the value when in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 50)).resolves.toBe(7);
  });
});
