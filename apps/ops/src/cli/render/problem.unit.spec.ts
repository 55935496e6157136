import { renderProblem } from './problem';

describe('problems for people', () => {
  it('shows status, title, detail and each field path', () => {
    const text = renderProblem({ status: 400, title: 'Invalid request', detail: '1 problem(s) in the request', problems: [{ path: 'ids[0]', code: 'NOT_AN_ID', message: 'must be a dead-letter id' }] });
    expect(text).toBe('error: 400 Invalid request: 1 problem(s) in the request\n  ids[0]: NOT_AN_ID must be a dead-letter id');
  });

  it('hints at the key on 401 and at the scopes on 403', () => {
    expect(renderProblem({ status: 401, title: 'Unauthorized', detail: 'credentials are required' })).toContain('PROCURELINK_API_KEY');
    expect(renderProblem({ status: 403, title: 'Forbidden', detail: 'missing scope ops:replay' })).toContain('ops:replay');
  });

  it('says when the service could not be reached at all', () => {
    expect(renderProblem({ status: 0, title: 'Ops service unreachable', detail: 'GET http://127.0.0.1:1/v1/trace: ECONNREFUSED' })).toBe(
      'error: Ops service unreachable: GET http://127.0.0.1:1/v1/trace: ECONNREFUSED',
    );
  });
});
