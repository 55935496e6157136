import { confirmationQuestion, renderReplayReport } from './replay';

describe('replay reports for people', () => {
  it('prints each verdict of a dry run with its reason, marks failures, and tallies them', () => {
    const text = renderReplayReport({
      dryRun: true,
      counts: {},
      items: [
        { id: 1, verdict: 'WOULD_REPLAY', reason: 'invoice INV-1 is not posted yet', publish: true },
        { id: 2, verdict: 'ALREADY_TOOK_EFFECT', reason: 'already took effect — would change nothing', publish: false },
        { id: 3, verdict: 'CANNOT_REPLAY', reason: 'no original topic header', publish: false },
      ],
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Dry run: nothing was replayed.');
    expect(lines[2]).toMatch(/^ID\s+VERDICT\s+WOULD SEND\s+REASON$/);
    expect(lines[3]).toMatch(/^ 1\s+WOULD_REPLAY\s+yes\s+invoice INV-1 is not posted yet$/);
    expect(lines[5]).toMatch(/^ 3\s+CANNOT_REPLAY\s+no\s+no original topic header\s+✗$/);
    expect(lines.at(-1)).toBe('3 records: ALREADY_TOOK_EFFECT 1, CANNOT_REPLAY 1, WOULD_REPLAY 1');
  });

  it('prints what a real replay published, its audit ids and any error', () => {
    const text = renderReplayReport({ dryRun: false, replayIds: [5, 6], counts: { published: 2 }, items: [{ id: 9, verdict: 'WOULD_REPLAY', publish: true }, { id: 10, verdict: 'WOULD_REPLAY', publish: true }], error: 'chunk 2 failed' });
    expect(text).toContain('Replay done.');
    expect(text).toMatch(/ID\s+VERDICT\s+SENT\s+REASON\n\s+9\s+WOULD_REPLAY\s+yes/);
    expect(text).toContain('2 records: WOULD_REPLAY 2\npublished 2\naudit: replays 5, 6\nerror: chunk 2 failed');
  });

  it('says when nothing was selected', () => {
    expect(renderReplayReport({ dryRun: true, counts: {}, items: [] })).toBe('Dry run: nothing was replayed.\nNo dead letter was selected.');
  });

  it('asks before a real replay, summarising the dry run of a filter', () => {
    expect(confirmationQuestion(3)).toBe('Replay 3 dead letters for real? [y/N] ');
    expect(
      confirmationQuestion(2, { dryRun: true, counts: {}, items: [{ id: 1, verdict: 'WOULD_REPLAY' }, { id: 2, verdict: 'ALREADY_TOOK_EFFECT' }] }, true),
    ).toBe('Replay 2 dead letters for real with --force (dry run: ALREADY_TOOK_EFFECT 1, WOULD_REPLAY 1)? [y/N] ');
  });
});
