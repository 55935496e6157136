import { UnansweredClaims } from './unanswered-claims';

describe('UnansweredClaims', () => {
  let now = 0;
  const clock = (): number => now;
  beforeEach(() => (now = 1_000));

  it('when a claim reply was lost › the next claim of that key gets its token, once', () => {
    const lost = new UnansweredClaims(10, clock);
    lost.remember('k', 't-1', 5_000);
    expect(lost.take('k')).toBe('t-1');
    expect(lost.take('k')).toBeUndefined();
  });

  it('when the claim TTL has passed › the token is not handed out', () => {
    const lost = new UnansweredClaims(10, clock);
    lost.remember('k', 't-1', 5_000);
    now += 5_000;
    expect(lost.take('k')).toBeUndefined();
  });

  it('when more keys are remembered than it holds › forgets the oldest and stale ones first', () => {
    const lost = new UnansweredClaims(2, clock);
    lost.remember('a', 't-a', 100);
    lost.remember('b', 't-b', 10_000);
    now += 200;
    lost.remember('c', 't-c', 10_000);
    expect(lost.size).toBe(2);
    lost.remember('d', 't-d', 10_000);
    expect([lost.take('a'), lost.take('b'), lost.take('c'), lost.take('d')]).toEqual([undefined, undefined, 't-c', 't-d']);
  });
});
