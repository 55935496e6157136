import { readDeadLetterPage, readProblem, readReplayReport, UnexpectedResponse } from './response-shapes';

describe('reading the ops API answers', () => {
  it('reads a dead-letter page with its next cursor, or a bare array', () => {
    expect(readDeadLetterPage({ items: [{ id: 1 }], next: 1 })).toEqual({ items: [{ id: 1 }], next: '1' });
    expect(readDeadLetterPage({ items: [], nextAfter: null })).toEqual({ items: [] });
    expect(readDeadLetterPage([{ id: 2 }])).toEqual({ items: [{ id: 2 }] });
    expect(() => readDeadLetterPage({ rows: [] })).toThrow(UnexpectedResponse);
  });

  it('reads a replay report: audit id, verdicts with ids as numbers, the numeric counts', () => {
    const body = { auditId: 4, dryRun: true, force: false, items: [{ id: 12, verdict: 'WOULD_REPLAY', reason: 'not yet in ERP', publish: true }], counts: { selected: 1, published: 1, byVerdict: { WOULD_REPLAY: 1 } } };
    expect(readReplayReport(body, true)).toEqual({
      replayId: 4,
      dryRun: true,
      items: [{ id: 12, verdict: 'WOULD_REPLAY', reason: 'not yet in ERP', publish: true }],
      counts: { selected: 1, published: 1 },
    });
    expect(readReplayReport({ outcome: [{ id: 3, verdict: 'REPLAYED' }] }, false)).toEqual({ dryRun: false, items: [{ id: 3, verdict: 'REPLAYED' }], counts: {} });
    expect(() => readReplayReport({ counts: {} }, true)).toThrow('without per-record verdicts');
  });

  it('reads problem+json, and names the status when the body is not a problem', () => {
    expect(readProblem(404, 'Not Found', { type: 'urn:procurelink:problem:not-found', title: 'Not found', status: 404, detail: 'dead letter 9 does not exist' })).toEqual({
      status: 404,
      title: 'Not found',
      detail: 'dead letter 9 does not exist',
      type: 'urn:procurelink:problem:not-found',
    });
    expect(readProblem(503, 'Service Unavailable', { title: 'Replay incomplete', status: 503, detail: 'broker down', report: { items: [] } })).toMatchObject({ detail: 'broker down', report: { items: [] } });
    expect(readProblem(502, 'Bad Gateway', undefined)).toEqual({ status: 502, title: 'Bad Gateway', detail: 'the ops API answered HTTP 502 Bad Gateway' });
  });
});
