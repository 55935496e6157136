import { clientCredentialsTokenProvider, kafkaClientOptions, redisClientOptions, type FetchLike } from './security-clients';

describe('kafkaClientOptions', () => {
  it('when no security is set › brokers and client id only (plaintext)', () => {
    expect(kafkaClientOptions({ kafkaBrokers: ['a:1'], kafkaSecurity: {} }, 'po-sync')).toEqual({ clientId: 'po-sync', brokers: ['a:1'] });
  });

  it('maps TLS files and SCRAM credentials to kafkajs ssl and sasl', () => {
    const options = kafkaClientOptions(
      { kafkaBrokers: ['a:1'], kafkaSecurity: { ssl: { ca: 'CA', cert: 'C', key: 'K', rejectUnauthorized: true }, sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } } },
      'ops',
    );
    expect(options).toEqual({ clientId: 'ops', brokers: ['a:1'], ssl: { ca: ['CA'], cert: 'C', key: 'K', rejectUnauthorized: true }, sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } });
  });

  it('maps oauthbearer to a token provider', async () => {
    const fetchToken: FetchLike = async () => ({ ok: true, status: 200, json: async () => ({ access_token: 'tok', expires_in: 3600 }) });
    const options = kafkaClientOptions({ kafkaBrokers: ['a:1'], kafkaSecurity: { sasl: { mechanism: 'oauthbearer', tokenUrl: 'https://idp/t', clientId: 'c', clientSecret: 's' } } }, 'x', fetchToken);
    const sasl = options.sasl as { mechanism: string; oauthBearerProvider: () => Promise<{ value: string }> };
    expect(sasl.mechanism).toBe('oauthbearer');
    await expect(sasl.oauthBearerProvider()).resolves.toEqual({ value: 'tok' });
  });
});

describe('clientCredentialsTokenProvider', () => {
  const settings = { tokenUrl: 'https://idp.example/oauth/token?tenant=1', clientId: 'kafka-client', clientSecret: 'client-s3cret' };

  it('posts the client-credentials grant with basic auth, and reuses the token until a minute before it expires', async () => {
    const calls: { url: string; headers: Record<string, string>; body: string }[] = [];
    let n = 0;
    const fetchToken: FetchLike = async (url, init) => {
      calls.push({ url, headers: init.headers, body: init.body });
      n += 1;
      return { ok: true, status: 200, json: async () => ({ access_token: `t${n}`, expires_in: 120 }) };
    };
    let clock = 0;
    const provider = clientCredentialsTokenProvider(settings, fetchToken, () => clock);
    expect(await provider()).toEqual({ value: 't1' });
    clock = 59_000;
    expect(await provider()).toEqual({ value: 't1' });
    clock = 61_000;
    expect(await provider()).toEqual({ value: 't2' });
    expect(calls[0]?.body).toBe('grant_type=client_credentials');
    expect(calls[0]?.headers.authorization).toBe(`Basic ${Buffer.from('kafka-client:client-s3cret').toString('base64')}`);
  });

  it('when the endpoint refuses › names the endpoint (no query) and the status, never the secret', async () => {
    const provider = clientCredentialsTokenProvider(settings, async () => ({ ok: false, status: 401, json: async () => ({}) }));
    await expect(provider()).rejects.toThrow('Kafka OAuth token request to https://idp.example/oauth/token failed: HTTP 401');
    await expect(provider()).rejects.not.toThrow(/s3cret|tenant/);
  });

  it('when the answer has no token › says so', async () => {
    const provider = clientCredentialsTokenProvider(settings, async () => ({ ok: true, status: 200, json: async () => ({ token_type: 'bearer' }) }));
    await expect(provider()).rejects.toThrow(/has no access_token/);
  });
});

describe('redisClientOptions', () => {
  it('when nothing is set › no options (the URL says it all)', () => {
    expect(redisClientOptions({ redisUrl: 'redis://127.0.0.1:6379', redisAuth: {} })).toEqual({});
  });

  it('maps the user and password, and TLS with the CA for rediss://', () => {
    expect(redisClientOptions({ redisUrl: 'rediss://cache:6380', redisAuth: { username: 'app', password: 'pw', tlsCa: 'CA' } })).toEqual({ username: 'app', password: 'pw', tls: { ca: ['CA'] } });
    expect(redisClientOptions({ redisUrl: 'rediss://cache:6380', redisAuth: {} })).toEqual({ tls: {} });
  });
});
