import { ConfigError } from '@procurelink/service-host';
import { DEV_CLIENT_ID } from '@procurelink/system-api';
import { createHash } from 'node:crypto';
import { DEV_ONLY_TOKEN_SECRET, parseSupplierSyncConfig } from './supplier-sync-config';

const SECRET = 'a-real-secret-of-at-least-thirty-two-bytes!';
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('parseSupplierSyncConfig', () => {
  it('with an empty environment › uses the local stack and the clearly-named dev token secret', () => {
    const config = parseSupplierSyncConfig({});
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.erpBaseUrl).toBe('http://127.0.0.1:3190');
    expect(config.retryDelaysMs).toEqual([1000, 5000, 15000, 30000, 60000, 120000]);
    expect(config.tenant).toBe('demo-health');
    expect(config.usesDevTokenSecret).toBe(true);
    expect(config.tokenSecret.toString('utf8')).toBe(DEV_ONLY_TOKEN_SECRET);
  });

  it('in production without SUPPLIER_TOKEN_SECRET › refuses to start, naming the variable', () => {
    expect(() => parseSupplierSyncConfig({ NODE_ENV: 'production' })).toThrow(/SUPPLIER_TOKEN_SECRET: required when PROCURELINK_ENV=production/);
  });

  it('with a short secret › says it is too short without repeating it', () => {
    let error: unknown;
    try {
      parseSupplierSyncConfig({ SUPPLIER_TOKEN_SECRET: 'short-secret-xyz' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/SUPPLIER_TOKEN_SECRET: must be at least 32 bytes/);
    expect((error as Error).message).not.toContain('short-secret-xyz');
  });

  it('with a production secret › uses it and the configured key id', () => {
    const config = parseSupplierSyncConfig({ NODE_ENV: 'production', SUPPLIER_TOKEN_SECRET: SECRET, SUPPLIER_TOKEN_KEY_ID: 'k2', API_KEYS: `ap-desk:${sha('k1')}:suppliers:read` });
    expect(config.usesDevTokenSecret).toBe(false);
    expect(config.tokenSecret.toString('utf8')).toBe(SECRET);
    expect(config.tokenKeyId).toBe('k2');
  });

  it('with bad values › reports every problem at once, each naming its variable', () => {
    expect(() =>
      parseSupplierSyncConfig({ KAFKA_BROKERS: 'nohost', RETRY_DELAYS_MS: '5,1', REDIS_URL: 'http://x', PROCURELINK_TOPIC_PREFIX: 'a b', SUPPLIER_TOKEN_KEY_ID: 'bad id' }),
    ).toThrow(/KAFKA_BROKERS[\s\S]*REDIS_URL[\s\S]*PROCURELINK_TOPIC_PREFIX[\s\S]*RETRY_DELAYS_MS[\s\S]*SUPPLIER_TOKEN_KEY_ID/);
  });

  describe('the system API settings', () => {
    it('with no API_KEYS outside production › accepts the documented dev key only, with the default body limit', () => {
      const { api } = parseSupplierSyncConfig({});
      expect(api.bodyLimitBytes).toBe(1_048_576);
      expect(api.auth.devKeyInUse).toBe(true);
      expect(api.auth.apiKeys.map((key) => key.clientId)).toEqual([DEV_CLIENT_ID]);
    });

    it('with API_KEYS and a body limit › keeps the key hashes and their scopes', () => {
      const { api } = parseSupplierSyncConfig({ API_KEYS: `ap-desk:${sha('k1')}:suppliers:read|suppliers:confirm-bank-details`, API_BODY_LIMIT_BYTES: '2048' });
      expect(api.bodyLimitBytes).toBe(2048);
      expect(api.auth.devKeyInUse).toBe(false);
      expect(api.auth.apiKeys.map((key) => [key.clientId, key.scopes])).toEqual([['ap-desk', ['suppliers:read', 'suppliers:confirm-bank-details']]]);
    });

    it('in production without API_KEYS › refuses to start, naming API_KEYS beside the other problems', () => {
      expect(() => parseSupplierSyncConfig({ NODE_ENV: 'production' })).toThrow(/SUPPLIER_TOKEN_SECRET[\s\S]*API_KEYS \/ API_JWT_SECRET: one is required/);
    });

    it('with an unknown scope or a short JWT secret › names the variable without repeating the secret', () => {
      let error: unknown;
      try {
        parseSupplierSyncConfig({ API_KEYS: `ap-desk:${sha('k1')}:suppliers:approve`, API_JWT_SECRET: 'too-short-jwt-secret' });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(/API_KEYS entry 1 \(ap-desk\): unknown scope\(s\) suppliers:approve/);
      expect((error as Error).message).toMatch(/API_JWT_SECRET: must be at least 32 bytes/);
      expect((error as Error).message).not.toContain('too-short-jwt-secret');
    });
  });
});
