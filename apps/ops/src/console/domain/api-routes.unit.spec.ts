import { resolveConsoleRoute, roleAllows } from './api-routes';

describe('console API routes', () => {
  it('maps reads to the /v1 API for viewers', () => {
    expect(resolveConsoleRoute('GET', 'overview')).toEqual({ method: 'GET', v1Path: '/v1/overview', role: 'viewer' });
    expect(resolveConsoleRoute('GET', 'dead-letters/42')).toEqual({ method: 'GET', v1Path: '/v1/dead-letters/42', role: 'viewer' });
    expect(resolveConsoleRoute('GET', 'trace/PO%20100')).toEqual({ method: 'GET', v1Path: '/v1/trace/PO%20100', role: 'viewer' });
  });

  it('maps replay and running a reconciliation to operators only', () => {
    expect(resolveConsoleRoute('POST', 'dead-letters/replay')?.role).toBe('operator');
    expect(resolveConsoleRoute('POST', 'reconciliations')?.role).toBe('operator');
    expect(roleAllows('viewer', 'operator')).toBe(false);
    expect(roleAllows('operator', 'operator')).toBe(true);
    expect(roleAllows('viewer', 'viewer')).toBe(true);
  });

  it('refuses anything else: other paths, methods, encoded slashes and dot segments', () => {
    const refused: Array<[string, string]> = [
      ['GET', 'admin'], ['DELETE', 'dead-letters/1'], ['POST', 'overview'], ['GET', 'documents/INVOICE/a%2F..%2Fx'],
      ['GET', 'dead-letters/..'], ['GET', 'dead-letters/%2E%2E'], ['GET', 'trace/%E0%A4%A'], ['GET', 'trace/a%00b'],
    ];
    for (const [method, path] of refused) expect(resolveConsoleRoute(method, path)).toBeUndefined();
  });
});
