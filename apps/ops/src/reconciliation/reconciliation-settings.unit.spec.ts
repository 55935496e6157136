import { EnvReader } from '@procurelink/service-host';
import { DEFAULT_RECONCILE_INTERVAL_MS, readReconcileIntervalMs } from './reconciliation-settings';

const read = (value: string | undefined): { ms: number; problems: string[] } => {
  const env = { OPS_RECONCILE_INTERVAL_MS: value };
  const reader = new EnvReader(env);
  return { ms: readReconcileIntervalMs(reader, env), problems: reader.problems };
};

describe('OPS_RECONCILE_INTERVAL_MS', () => {
  it('defaults to hourly', () => expect(read(undefined)).toEqual({ ms: DEFAULT_RECONCILE_INTERVAL_MS, problems: [] }));
  it('turns the schedule off with 0', () => expect(read('0')).toEqual({ ms: 0, problems: [] }));
  it('takes a whole number of ms', () => expect(read('900000').ms).toBe(900_000));
  it.each(['-1', '1.5', 'hourly', '10'])('refuses %s, naming the variable', (value) => {
    expect(read(value).problems).toEqual([expect.stringContaining('OPS_RECONCILE_INTERVAL_MS')]);
  });
});
