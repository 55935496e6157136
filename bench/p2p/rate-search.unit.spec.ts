import { judge, nextRate, slopeOf, type Trial } from './rate-search.ts';

const options = { startRate: 1000, maxRate: 100_000, minRate: 50, precision: 0.1, maxTrials: 12 };

/** Runs the search against a system that sustains exactly `capacity` records/s. */
function search(capacity: number, opts = options): { trials: Trial[]; best: number } {
  const trials: Trial[] = [];
  for (let rate = nextRate(trials, opts); rate !== undefined; rate = nextRate(trials, opts)) {
    trials.push({ rate, sustainable: rate <= capacity });
  }
  const best = trials.filter((t) => t.sustainable).reduce((m, t) => Math.max(m, t.rate), 0);
  return { trials, best };
}

describe('the rate search', () => {
  it('when nothing was tried › it starts at the start rate', () => {
    expect(nextRate([], options)).toBe(1000);
  });

  it('while every rate holds › it doubles', () => {
    expect(nextRate([{ rate: 1000, sustainable: true }], options)).toBe(2000);
  });

  it('when a rate fails above a sustained one › it tries the midpoint', () => {
    expect(nextRate([{ rate: 4000, sustainable: true }, { rate: 8000, sustainable: false }], options)).toBe(6000);
  });

  it('when the system sustains 5,300/s › it ends within 10 % below that', () => {
    const { best } = search(5300);
    expect(best).toBeLessThanOrEqual(5300);
    expect(best).toBeGreaterThanOrEqual(5300 / 1.1);
  });

  it('when even the start rate fails › it halves until a rate holds', () => {
    const { trials, best } = search(300);
    expect(trials[1]).toEqual({ rate: 500, sustainable: false });
    expect(best).toBeGreaterThanOrEqual(300 / 1.1);
    expect(best).toBeLessThanOrEqual(300);
  });

  it('when nothing holds, not even the minimum rate › it ends with nothing sustained', () => {
    expect(search(10).best).toBe(0);
  });

  it('when the maximum rate holds › it stops there', () => {
    const { best, trials } = search(1e9, { ...options, maxRate: 3000 });
    expect(best).toBe(3000);
    expect(trials.at(-1)).toEqual({ rate: 3000, sustainable: true });
  });

  it('when the trial budget is spent › it stops', () => {
    expect(search(5300, { ...options, maxTrials: 3 }).trials).toHaveLength(3);
  });
});

describe('judging one trial', () => {
  const flat = Array.from({ length: 60 }, (_, t) => ({ t, backlog: 100 + (t % 3) * 20 }));
  const growing = Array.from({ length: 60 }, (_, t) => ({ t, backlog: 100 + t * 100 }));

  it('when the backlog stays flat and small › the rate is sustainable', () => {
    expect(judge(5000, 5000, flat)).toMatchObject({ sustainable: true, bound: 10_000 });
  });

  it('when the backlog keeps growing › it is not, even below the bound', () => {
    const verdict = judge(5000, 5000, growing);
    expect(verdict.maxBacklog).toBeLessThan(verdict.bound);
    expect(verdict).toMatchObject({ sustainable: false, reason: expect.stringContaining('grows') });
  });

  it('when the backlog passes two seconds of records › it is not', () => {
    expect(judge(1000, 1000, [{ t: 0, backlog: 10 }, { t: 1, backlog: 2500 }, { t: 2, backlog: 10 }])).toMatchObject({ sustainable: false });
  });

  it('when the generator could not offer the rate › it is not', () => {
    expect(judge(5000, 4000, flat)).toMatchObject({ sustainable: false, reason: expect.stringContaining('generator') });
  });

  it('computes the least-squares slope', () => {
    expect(slopeOf(growing)).toBeCloseTo(100);
    expect(slopeOf([{ t: 0, backlog: 5 }])).toBe(0);
  });
});
