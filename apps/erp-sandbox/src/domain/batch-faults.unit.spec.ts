import { batchWait } from './batch-faults';
import type { FaultEffect } from './faults';

const PASS: FaultEffect = { effect: 'PASS' };
const FAIL: FaultEffect = { effect: 'FAIL', status: 503, retryAfterSeconds: null };
const delay = (ms: number): FaultEffect => ({ effect: 'DELAY', ms });
const hold = (ms: number | null, afterHold: 'drop' | 'proceed'): FaultEffect => ({ effect: 'HOLD', ms, afterHold });

describe('how long a batch waits for its items’ faults', () => {
  it('with no fault, or only fail faults (those items answer alone) › does not wait', () => {
    expect(batchWait([PASS, null, FAIL])).toEqual({ wait: 'NONE' });
    expect(batchWait([])).toEqual({ wait: 'NONE' });
  });

  it('with slow items › waits once, for the largest delay', () => {
    expect(batchWait([delay(100), PASS, delay(400), FAIL, delay(250)])).toEqual({ wait: 'DELAY', ms: 400 });
  });

  it('with a held item › holds the whole batch, and a hold wins over a delay', () => {
    expect(batchWait([delay(900), hold(500, 'proceed'), PASS])).toEqual({ wait: 'HOLD', ms: 500, afterHold: 'proceed' });
  });

  it('with several held items › holds for the longest (until released if any is) and drops if any would drop', () => {
    expect(batchWait([hold(500, 'proceed'), hold(200, 'drop')])).toEqual({ wait: 'HOLD', ms: 500, afterHold: 'drop' });
    expect(batchWait([hold(500, 'proceed'), hold(null, 'proceed')])).toEqual({ wait: 'HOLD', ms: null, afterHold: 'proceed' });
  });
});
