import { NumberLog, percentile, summarise } from './stats.ts';

describe('latency percentiles', () => {
  it('when there are 1000 values 1..1000 › p50 is 500, p99 is 990, p99.9 is 999', () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(summarise(values)).toEqual({ count: 1000, p50: 500, p99: 990, p999: 999, max: 1000 });
  });

  it('when values arrive unsorted › they are sorted numerically, not as text', () => {
    const values = Float64Array.from([100, 9, 25, 3]);
    expect(summarise(values)).toMatchObject({ p50: 9, max: 100 });
  });

  it('when there is one value › every percentile is that value', () => {
    expect(percentile([7], 0.1)).toBe(7);
    expect(percentile([7], 99.9)).toBe(7);
  });

  it('when there are no values › percentiles are NaN', () => {
    expect(summarise(new Float64Array(0))).toMatchObject({ count: 0, p50: NaN, p99: NaN });
  });

  it('when p is outside 0..100 › it is refused', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('when more values are logged than the initial capacity › the log grows and keeps them all', () => {
    const log = new NumberLog(16);
    for (let i = 1; i <= 100; i++) log.push(i);
    expect(log.summary()).toMatchObject({ count: 100, p50: 50, max: 100 });
  });
});
