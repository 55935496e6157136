import { ConfigError, EnvReader, readServiceRuntimeSettings } from '@procurelink/service-host';
import { DEV_CLIENT_ID } from '@procurelink/system-api';
import { createHash } from 'node:crypto';
import { DEFAULT_REFERENCE_DATA_PATH, parsePoSyncConfig } from './po-sync-config';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('parsePoSyncConfig', () => {
  it('when nothing is set › uses the local stack, the demo reference data and retries of up to two minutes', () => {
    const config = parsePoSyncConfig({});
    expect(config).toMatchObject({ ...readServiceRuntimeSettings(new EnvReader({})), referenceDataPath: DEFAULT_REFERENCE_DATA_PATH });
    expect(config.receiptRules.overReceiptTolerancePercent.toString()).toBe('0');
  });

  it('when values are set › reads them', () => {
    const config = parsePoSyncConfig({ PROCURELINK_TOPIC_PREFIX: 't1.', RETRY_DELAYS_MS: '10, 20', PO_OVER_RECEIPT_TOLERANCE_PERCENT: '2.5', PO_REFERENCE_DATA_PATH: '/data/ref.json' });
    expect(config).toMatchObject({ topicPrefix: 't1.', retryDelaysMs: [10, 20], referenceDataPath: '/data/ref.json' });
    expect(config.receiptRules.overReceiptTolerancePercent.toString()).toBe('2.5');
  });

  it('when values are wrong › names every variable at once', () => {
    let error: unknown;
    try {
      parsePoSyncConfig({ KAFKA_BROKERS: 'nohost', REDIS_URL: 'http://x', RETRY_DELAYS_MS: '5000,1000', ERP_TIMEOUT_MS: '0', PO_MIN_REMAINING_SHELF_LIFE_DAYS: 'soon' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as ConfigError).problems.join('\n');
    for (const name of ['KAFKA_BROKERS', 'REDIS_URL', 'RETRY_DELAYS_MS', 'ERP_TIMEOUT_MS', 'PO_MIN_REMAINING_SHELF_LIFE_DAYS']) expect(text).toContain(name);
  });

  describe('the HTTP system API', () => {
    it('when API_KEYS is unset outside production › accepts the development key and a 1 MiB body', () => {
      const { api } = parsePoSyncConfig({});
      expect(api.bodyLimitBytes).toBe(1_048_576);
      expect(api.auth.apiKeys.map((key) => key.clientId)).toEqual([DEV_CLIENT_ID]);
    });

    it('when keys and a body limit are set › reads them, scopes per client', () => {
      const { api } = parsePoSyncConfig({ API_KEYS: `erp-bridge:${sha('k1')}:purchase-orders:submit|goods-receipts:submit`, API_BODY_LIMIT_BYTES: '2048' });
      expect(api.bodyLimitBytes).toBe(2048);
      expect(api.auth.apiKeys.map((key) => [key.clientId, key.scopes])).toEqual([['erp-bridge', ['purchase-orders:submit', 'goods-receipts:submit']]]);
    });

    it('when production has no API_KEYS and another variable is wrong › names both, and never the key', () => {
      let error: unknown;
      try {
        parsePoSyncConfig({ NODE_ENV: 'production', ERP_TIMEOUT_MS: '0' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const text = (error as ConfigError).problems.join('\n');
      expect(text).toContain('API_KEYS');
      expect(text).toContain('ERP_TIMEOUT_MS');
    });

    it('when an API key entry is malformed › names API_KEYS without quoting the entry', () => {
      expect(() => parsePoSyncConfig({ API_KEYS: 'client:not-a-hash-secret-value:purchase-orders:read' })).toThrow(/API_KEYS/);
      expect(() => parsePoSyncConfig({ API_KEYS: 'client:not-a-hash-secret-value:purchase-orders:read' })).not.toThrow(/not-a-hash-secret-value/);
    });
  });
});
