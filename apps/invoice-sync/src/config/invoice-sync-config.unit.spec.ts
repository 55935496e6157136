import { ConfigError, EnvReader, readServiceRuntimeSettings } from '@procurelink/service-host';
import { DEFAULT_BODY_LIMIT_BYTES, DEV_CLIENT_ID } from '@procurelink/system-api';
import { createHash } from 'node:crypto';
import { parseInvoiceSyncConfig } from './invoice-sync-config';

function problemsOf(env: Record<string, string>): string {
  try {
    parseInvoiceSyncConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

describe('parseInvoiceSyncConfig', () => {
  it('with nothing set › the local stack, a 5 s sweep and the default match settings', () => {
    const config = parseInvoiceSyncConfig({});
    expect(config).toMatchObject({ ...readServiceRuntimeSettings(new EnvReader({})), receiptWaitSweepMs: 5000 });
    expect(config.match.receiptWaitHours).toBe(72);
    expect(config.match.tolerance.defaults.pricePercent?.toString()).toBe('2');
  });

  it('reads its own settings › sweep interval, wait in seconds, per-facility overrides', () => {
    const config = parseInvoiceSyncConfig({
      INVOICE_RECEIPT_WAIT_SWEEP_MS: '250',
      INVOICE_RECEIPT_WAIT_SECONDS: '30',
      INVOICE_TOLERANCE_OVERRIDES: '{"FAC-02":{"pricePercent":"5"}}',
      PROCURELINK_TOPIC_PREFIX: 't1.',
    });
    expect(config.receiptWaitSweepMs).toBe(250);
    expect(Math.round(config.match.receiptWaitHours * 3_600_000)).toBe(30_000);
    expect(config.match.tolerance.facilityOverrides['FAC-02']?.pricePercent?.toString()).toBe('5');
    expect(config.topicPrefix).toBe('t1.');
  });

  it('with no API settings › the documented development key and the default body limit', () => {
    const { api } = parseInvoiceSyncConfig({});
    expect(api.bodyLimitBytes).toBe(DEFAULT_BODY_LIMIT_BYTES);
    expect(api.auth.devKeyInUse).toBe(true);
    expect(api.auth.apiKeys.map((k) => k.clientId)).toEqual([DEV_CLIENT_ID]);
  });

  it('with API_KEYS and API_BODY_LIMIT_BYTES › those keys and scopes only, no development key', () => {
    const hash = createHash('sha256').update('k1').digest('hex');
    const { api } = parseInvoiceSyncConfig({ API_KEYS: `ap-automation:${hash}:invoices:submit|invoices:read`, API_BODY_LIMIT_BYTES: '2048' });
    expect(api.bodyLimitBytes).toBe(2048);
    expect(api.auth.devKeyInUse).toBe(false);
    expect(api.auth.apiKeys.map((k) => [k.clientId, k.scopes])).toEqual([['ap-automation', ['invoices:submit', 'invoices:read']]]);
  });

  it('bad API settings › named in the same ConfigError as the others, without the secret', () => {
    const message = problemsOf({ API_KEYS: 'ap:nothex:invoices:submit', API_JWT_SECRET: 'short-secret-value', NODE_ENV: 'production', INVOICE_RECEIPT_WAIT_SWEEP_MS: '0' });
    for (const name of ['API_KEYS', 'API_JWT_SECRET', 'INVOICE_RECEIPT_WAIT_SWEEP_MS']) expect(message).toContain(name);
    expect(message).not.toContain('short-secret-value');
    expect(problemsOf({ NODE_ENV: 'production' })).toContain('API_KEYS');
  });

  it('bad values › one ConfigError naming every variable', () => {
    const message = problemsOf({
      KAFKA_BROKERS: 'nohost',
      REDIS_URL: 'http://x',
      RETRY_DELAYS_MS: '5000,1000',
      INVOICE_RECEIPT_WAIT_SWEEP_MS: '0',
      INVOICE_PRICE_TOLERANCE_PERCENT: '-1',
      PROCURELINK_TOPIC_PREFIX: 'a b',
    });
    for (const name of ['KAFKA_BROKERS', 'REDIS_URL', 'RETRY_DELAYS_MS', 'INVOICE_RECEIPT_WAIT_SWEEP_MS', 'INVOICE_PRICE_TOLERANCE_PERCENT', 'PROCURELINK_TOPIC_PREFIX']) {
      expect(message).toContain(name);
    }
  });
});
