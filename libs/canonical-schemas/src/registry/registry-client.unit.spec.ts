import { RegistryClient } from './registry-client';

/** A fetch that records what it was asked and answers like a registry that refuses everyone. */
function recordingFetch(status: number, body: object): { fetch: typeof fetch; seen: RequestInit[] } {
  const seen: RequestInit[] = [];
  const fetchLike = (async (_url: string | URL | Request, init?: RequestInit) => {
    seen.push(init ?? {});
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { fetch: fetchLike, seen };
}

describe('RegistryClient', () => {
  it('with credentials › sends HTTP basic authorization on every call', async () => {
    const { fetch, seen } = recordingFetch(200, { id: 7 });
    const client = new RegistryClient('https://registry.example/apis/ccompat/v7', { fetch, auth: { username: 'svc', password: 's3cr3t-pw' } });
    await client.register('subject-a', '{"type":"string"}');
    const headers = seen[0]?.headers as Record<string, string>;
    expect(headers['authorization']).toBe(`Basic ${Buffer.from('svc:s3cr3t-pw').toString('base64')}`);
  });

  it('without credentials › sends no authorization header', async () => {
    const { fetch, seen } = recordingFetch(200, { id: 7 });
    await new RegistryClient('http://127.0.0.1:8081/apis/ccompat/v7', { fetch }).register('subject-a', '{"type":"string"}');
    expect(Object.keys(seen[0]?.headers as Record<string, string>)).not.toContain('authorization');
  });

  it('when the registry refuses the credentials › the error never holds the password', async () => {
    const { fetch } = recordingFetch(401, { error_code: 401, message: 'Unauthorized' });
    const client = new RegistryClient('https://registry.example/apis/ccompat/v7', { fetch, auth: { username: 'svc', password: 's3cr3t-pw' } });
    const error = await client.register('subject-a', '{"type":"string"}').then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(`${error?.message} ${JSON.stringify(error)}`).not.toContain('s3cr3t-pw');
  });
});
