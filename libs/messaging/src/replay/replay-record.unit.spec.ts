import { HEADERS } from '../headers/header-names';
import { planReplay } from './replay-record';

const deadLetter = {
  topic: 'po-sync.dlt',
  partition: 0,
  offset: '3',
  timestamp: '1',
  key: Buffer.from('PO-1'),
  value: Buffer.from('payload'),
  headers: {
    traceparent: 'tp',
    [HEADERS.originalTopic]: 'purchasing.po',
    [HEADERS.errorCode]: 'TARGET_UNAVAILABLE',
    [HEADERS.attempts]: '4',
    [HEADERS.attempt]: '4',
    [HEADERS.firstFailureAt]: '2026-11-24T00:00:00.000Z',
  },
};

describe('planning a replay', () => {
  it('when a dead letter is replayed › goes back to its original topic with the same key and value and replay headers', () => {
    const plan = planReplay(deadLetter, 'ops.jane', Date.UTC(2026, 10, 25));
    expect(plan).toEqual({
      ok: true,
      record: {
        topic: 'purchasing.po',
        key: Buffer.from('PO-1'),
        value: Buffer.from('payload'),
        headers: {
          traceparent: 'tp',
          [HEADERS.originalTopic]: 'purchasing.po',
          [HEADERS.firstFailureAt]: '2026-11-24T00:00:00.000Z',
          [HEADERS.replayBy]: 'ops.jane',
          [HEADERS.replayAt]: '2026-11-25T00:00:00.000Z',
          [HEADERS.replayCount]: '1',
        },
      },
    });
  });

  it('when it was replayed before › counts up', () => {
    const plan = planReplay({ ...deadLetter, headers: { ...deadLetter.headers, [HEADERS.replayCount]: '2' } }, 'ops', 0);
    expect(plan.ok && plan.record.headers?.[HEADERS.replayCount]).toBe('3');
  });

  it('when the origin is unknown › refuses with the reason', () => {
    expect(planReplay({ ...deadLetter, headers: {} }, 'ops', 0)).toEqual({
      ok: false,
      reason: 'offset 3 has no procurelink.original.topic header',
    });
  });

  it('when a console user replays › the namespaced actor (console:operator) is recorded', () => {
    const plan = planReplay(deadLetter, 'console:operator', 0);
    expect(plan.ok && plan.record.headers?.[HEADERS.replayBy]).toBe('console:operator');
  });

  it('when the actor holds spaces or control characters › refuses it rather than writing it into a header', () => {
    expect(planReplay(deadLetter, 'jane doe', 0)).toMatchObject({ ok: false });
    expect(planReplay(deadLetter, 'ops\njane', 0)).toMatchObject({ ok: false });
  });
});
