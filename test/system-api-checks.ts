/** Calls the system API as a client would: JSON when there is a body (a string is sent as it is). */
export function apiCall(baseUrl: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** Expects an application/problem+json answer with this status and these fields; returns its body. */
export async function expectProblem(response: Response, status: number, fields: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject(fields);
  return body;
}

/** Expects a 400 invalid-request problem that echoes none of the secrets; returns the field paths it lists, in order. */
export async function expectInvalidRequest(response: Response, secrets: readonly string[]): Promise<string[]> {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const text = await response.text();
  for (const secret of secrets) expect(text).not.toContain(secret);
  const problem = JSON.parse(text) as { type: string; problems: Array<{ path: string }> };
  expect(problem.type).toBe('urn:procurelink:problem:invalid-request');
  return problem.problems.map((p) => p.path);
}

/** Expects a 401 that tells the client how to authenticate. */
export function expectUnauthenticated(response: Response): void {
  expect(response.status).toBe(401);
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer realm="procurelink"/);
}

/** GET /v1/openapi.json without credentials: every documented `METHOD path` with its x-required-scopes. */
export async function documentedScopes(baseUrl: string): Promise<Record<string, string[] | undefined>> {
  const response = await fetch(`${baseUrl}/v1/openapi.json`);
  expect(response.status).toBe(200);
  const document = (await response.json()) as { paths: Record<string, Record<string, { 'x-required-scopes'?: string[] }>> };
  const scopes: Record<string, string[] | undefined> = {};
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) scopes[`${method.toUpperCase()} ${path}`] = operation['x-required-scopes'];
  }
  return scopes;
}
