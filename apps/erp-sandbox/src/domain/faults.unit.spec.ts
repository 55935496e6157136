import { decideFault, describeRules, parseFaultSpec, setRule, type FaultRule } from './faults';

const NOW = Date.parse('2026-03-01T10:00:00Z');

function rule(spec: Record<string, unknown>, now = NOW): FaultRule {
  const parsed = parseFaultSpec(spec, now);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.value;
}

describe('reading a fault request', () => {
  it('when mode is fail without a status › fails with 503', () => {
    expect(rule({ mode: 'fail' })).toMatchObject({ mode: 'fail', status: 503, capability: null, until: null, remaining: null });
  });

  it('when a duration is given › the rule lasts until now plus the duration', () => {
    expect(rule({ mode: 'fail', capability: 'encumbrances', durationMs: 60_000 }).until).toBe(NOW + 60_000);
  });

  it('when slow has no delay, or a field belongs to another mode › reports each with its path', () => {
    const parsed = parseFaultSpec({ mode: 'slow', holdMs: 5, status: 500 }, NOW);
    expect(!parsed.ok && parsed.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['delayMs:MISSING', 'status:INCONSISTENT', 'holdMs:INCONSISTENT']);
  });

  it('when the status is not a server error the sandbox fakes › refuses it', () => {
    const parsed = parseFaultSpec({ mode: 'fail', status: 501 }, NOW);
    expect(!parsed.ok && parsed.problems.map((p) => `${p.path}:${p.code}`)).toEqual(['status:UNKNOWN_CODE']);
  });

  it('when a timeout has no afterHold › drops the request when the hold ends', () => {
    expect(rule({ mode: 'timeout' })).toMatchObject({ holdMs: null, afterHold: 'drop' });
  });
});

describe('deciding the fault for a request', () => {
  it('when no rule is set › passes', () => {
    expect(decideFault([], 'vendors', NOW).effect).toEqual({ effect: 'PASS' });
  });

  it('when the rule is scoped to another capability › passes', () => {
    expect(decideFault([rule({ mode: 'fail', capability: 'encumbrances' })], 'vendors', NOW).effect).toEqual({ effect: 'PASS' });
  });

  it('when a capability has its own ok rule › it wins over a fail rule for all', () => {
    const rules = [rule({ mode: 'fail' }), rule({ mode: 'ok', capability: 'vendors' })];
    expect(decideFault(rules, 'vendors', NOW).effect).toEqual({ effect: 'PASS' });
    expect(decideFault(rules, 'payments', NOW).effect).toMatchObject({ effect: 'FAIL', status: 503 });
  });

  it('when a timed fail rule is in force › fails with Retry-After until it lapses, then passes', () => {
    const rules = [rule({ mode: 'fail', capability: 'encumbrances', durationMs: 60_000 })];
    expect(decideFault(rules, 'encumbrances', NOW + 1_500).effect).toEqual({ effect: 'FAIL', status: 503, retryAfterSeconds: 59 });
    expect(decideFault(rules, 'encumbrances', NOW + 60_000)).toEqual({ effect: { effect: 'PASS' }, rules: [] });
  });

  it('when a rule is for the next 2 requests › applies twice, then is gone', () => {
    let rules = [rule({ mode: 'fail', status: 502, count: 2 })];
    const effects: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const decided = decideFault(rules, 'ap-invoices', NOW);
      effects.push(decided.effect.effect);
      rules = decided.rules;
    }
    expect(effects).toEqual(['FAIL', 'FAIL', 'PASS']);
  });

  it('when slow or timeout › delays or holds as configured', () => {
    expect(decideFault([rule({ mode: 'slow', delayMs: 250 })], 'payments', NOW).effect).toEqual({ effect: 'DELAY', ms: 250 });
    expect(decideFault([rule({ mode: 'timeout', holdMs: 5000, afterHold: 'proceed' })], 'payments', NOW).effect).toEqual({
      effect: 'HOLD',
      ms: 5000,
      afterHold: 'proceed',
    });
  });

  it('when a rule is set for a scope that has one › replaces it', () => {
    const rules = setRule([rule({ mode: 'fail', capability: 'vendors' })], rule({ mode: 'slow', capability: 'vendors', delayMs: 5 }), NOW);
    expect(rules.map((r) => r.mode)).toEqual(['slow']);
  });

  it('describes the rules in force with their end time', () => {
    expect(describeRules([rule({ mode: 'fail', durationMs: 1000 })], NOW)).toEqual([
      { mode: 'fail', capability: 'all', status: 503, until: '2026-03-01T10:00:01.000Z', remaining: null },
    ]);
  });
});
