import { MAX_REPLAY_SELECTION, parseReplayRequest } from './replay-request';

describe('reading a replay request', () => {
  it('when it names ids and a dry run › selects those ids once each', () => {
    expect(parseReplayRequest({ ids: [3, 1, 3], dryRun: true })).toEqual({ ok: true, request: { selection: { ids: [3, 1] }, dryRun: true, force: false } });
  });

  it('when it gives a filter › keeps the list filters, normalises instants, defaults status to OPEN', () => {
    const parsed = parseReplayRequest({ filter: { service: 'invoice-sync', errorCode: 'TARGET_UNAVAILABLE', from: '2026-01-05T10:00:00+01:00' }, dryRun: false, force: true });
    expect(parsed).toEqual({
      ok: true,
      request: { selection: { filter: { status: 'OPEN', service: 'invoice-sync', errorCode: 'TARGET_UNAVAILABLE', from: '2026-01-05T09:00:00.000Z' } }, dryRun: false, force: true },
    });
  });

  it.each([
    ['no dryRun', { ids: [1] }, '$.dryRun'],
    ['both ids and filter', { ids: [1], filter: {}, dryRun: true }, '$'],
    ['neither ids nor filter', { dryRun: true }, '$'],
    ['ids that are not positive integers', { ids: [1, -2], dryRun: true }, '$.ids'],
    ['too many ids', { ids: Array.from({ length: MAX_REPLAY_SELECTION + 1 }, (_, i) => i + 1), dryRun: true }, '$.ids'],
    ['an unknown filter', { filter: { colour: 'red' }, dryRun: true }, '$.filter.colour'],
    ['a bad instant', { filter: { to: 'yesterday' }, dryRun: true }, '$.filter.to'],
    ['a bad status', { filter: { status: 'GONE' }, dryRun: true }, '$.filter.status'],
    ['an unknown field', { ids: [1], dryRun: true, everything: true }, '$.everything'],
    ['a non-boolean force', { ids: [1], dryRun: true, force: 'yes' }, '$.force'],
  ])('when it has %s › refuses it, naming the field', (_, body, path) => {
    const parsed = parseReplayRequest(body);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems.map((p) => p.path)).toContain(path);
  });
});
