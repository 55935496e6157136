import { chunked, isFailureVerdict, mergeReports, replayFailed, verdictCounts } from './replay-plan';

describe('planning a replay', () => {
  it('sends ids in chunks of 50', () => {
    const ids = Array.from({ length: 120 }, (_, i) => i + 1);
    expect(chunked(ids).map((chunk) => chunk.length)).toEqual([50, 50, 20]);
    expect(chunked(ids)[1]?.[0]).toBe(51);
    expect(chunked([])).toEqual([]);
  });

  it('merges chunk reports: verdicts in order, counts summed, errors and audit ids kept', () => {
    const merged = mergeReports(
      [
        { replayId: 8, dryRun: false, items: [{ id: 1, verdict: 'REPLAYED' }], counts: { selected: 1, published: 1 } },
        { replayId: 9, dryRun: false, items: [{ id: 2, verdict: 'PUBLISH_FAILED', reason: 'broker down' }], counts: { selected: 1, published: 0 }, error: 'broker down' },
      ],
      false,
    );
    expect(merged).toEqual({
      dryRun: false,
      items: [
        { id: 1, verdict: 'REPLAYED' },
        { id: 2, verdict: 'PUBLISH_FAILED', reason: 'broker down' },
      ],
      counts: { selected: 2, published: 1 },
      replayIds: [8, 9],
      error: 'broker down',
    });
  });

  it('counts "would replay", "already took effect" and "already replayed" as fine, anything else as a failure', () => {
    expect(['WOULD_REPLAY', 'ALREADY_TOOK_EFFECT', 'ALREADY_REPLAYED'].map(isFailureVerdict)).toEqual([false, false, false]);
    expect(['WOULD_FAIL_AGAIN', 'CANNOT_REPLAY', 'SOMETHING_NEW'].map(isFailureVerdict)).toEqual([true, true, true]);
    expect(replayFailed({ dryRun: true, items: [{ id: 1, verdict: 'WOULD_REPLAY' }], counts: {} })).toBe(false);
    expect(replayFailed({ dryRun: true, items: [{ id: 1, verdict: 'CANNOT_REPLAY' }], counts: {} })).toBe(true);
    expect(replayFailed({ dryRun: false, items: [], counts: {}, error: 'publish failed' })).toBe(true);
  });

  it('tallies verdicts, most frequent first', () => {
    expect(verdictCounts([{ id: 1, verdict: 'B' }, { id: 2, verdict: 'A' }, { id: 3, verdict: 'A' }])).toEqual([['A', 2], ['B', 1]]);
  });
});
