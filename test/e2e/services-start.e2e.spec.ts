import { buildAppsIfNeeded, startService } from '../service-process';

/**
 * Every service starts from its built output as an operator would run it, answers its
 * liveness probe, and stops cleanly on SIGTERM; a bad setting stops it with a clear message.
 */
const services = ['supplier-sync', 'po-sync', 'invoice-sync', 'payment-status'];
const isolated = { PROCURELINK_TOPIC_PREFIX: `e2e-start-${Date.now()}.` };

describe('the services as processes', () => {
  beforeAll(() => buildAppsIfNeeded(services), 300_000);

  it.each(services)('when %s starts › it answers /health/live and stops on SIGTERM with exit code 0', async (name) => {
    const service = startService(name, isolated);
    try {
      const port = await service.port(30_000);
      const response = await fetch(`http://127.0.0.1:${port}/health/live`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', service: name });
    } finally {
      expect(await service.stop()).toBe(0);
    }
  });

  it('when a setting is invalid › the service refuses to start, names the variable and exits 78', async () => {
    const service = startService('po-sync', { ...isolated, PORT: 'eighty' });
    expect(await service.exited()).toBe(78);
    expect(service.output()).toContain('po-sync: invalid configuration');
    expect(service.output()).toContain('PORT=eighty: must be a TCP port');
  });
});
