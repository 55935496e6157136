import { JsonReader } from './json-reader';
import { parsed, refused, type Parsed } from './problem';
import { CAPABILITIES, type Capability } from './posting';

/** ok: answer normally · fail: answer 5xx · slow: answer after a delay · timeout: hold the request unanswered. */
export const FAULT_MODES = ['ok', 'fail', 'slow', 'timeout'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export const FAIL_STATUSES = [500, 502, 503, 504] as const;
export type FailStatus = (typeof FAIL_STATUSES)[number];

/** What happens to a held request when its hold ends: the connection is closed unanswered, or it is processed late. */
export const AFTER_HOLD = ['drop', 'proceed'] as const;
export type AfterHold = (typeof AFTER_HOLD)[number];

/** One fault, scoped to a capability or to all of them, for a while or for a number of requests. */
export interface FaultRule {
  readonly mode: FaultMode;
  /** null: every capability that has no rule of its own. */
  readonly capability: Capability | null;
  readonly status: FailStatus | null;
  readonly delayMs: number | null;
  /** null: until released (POST /sandbox/v1/faults/release, DELETE /sandbox/v1/faults) or the client gives up. */
  readonly holdMs: number | null;
  readonly afterHold: AfterHold | null;
  /** Epoch milliseconds after which the rule no longer applies; null: until cleared. */
  readonly until: number | null;
  /** Requests the rule still applies to; null: no limit. */
  readonly remaining: number | null;
}

export type FaultEffect =
  | { readonly effect: 'PASS' }
  | { readonly effect: 'FAIL'; readonly status: FailStatus; readonly retryAfterSeconds: number | null }
  | { readonly effect: 'DELAY'; readonly ms: number }
  | { readonly effect: 'HOLD'; readonly ms: number | null; readonly afterHold: AfterHold };

const MAX_DELAY_MS = 600_000;
const MAX_HOLD_MS = 3_600_000;
const MAX_DURATION_MS = 86_400_000;
const FIELDS = ['mode', 'capability', 'status', 'delayMs', 'holdMs', 'afterHold', 'durationMs', 'count'];

/** Reads a fault request (the POST /sandbox/v1/faults body, or one item of ERP_SANDBOX_FAULTS) at time `now`. */
export function parseFaultSpec(body: unknown, now: number, path = ''): Parsed<FaultRule> {
  const read = new JsonReader();
  const object = read.object(body, path, FIELDS);
  if (object === null) return refused(read.problems);
  const mode = read.code(object, 'mode', path, FAULT_MODES, true);
  const capability = read.code(object, 'capability', path, CAPABILITIES, false);
  const status = read.integer(object, 'status', path, { required: false, min: 500, max: 599 });
  const delayMs = read.integer(object, 'delayMs', path, { required: mode === 'slow', min: 1, max: MAX_DELAY_MS });
  const holdMs = read.integer(object, 'holdMs', path, { required: false, min: 1, max: MAX_HOLD_MS });
  const afterHold = read.code(object, 'afterHold', path, AFTER_HOLD, false);
  const durationMs = read.integer(object, 'durationMs', path, { required: false, min: 1, max: MAX_DURATION_MS });
  const count = read.integer(object, 'count', path, { required: false, min: 1, max: 1_000_000 });
  const at = (key: string): string => (path === '' ? key : `${path}.${key}`);
  if (status !== null && !(FAIL_STATUSES as readonly number[]).includes(status)) read.fail(at('status'), 'UNKNOWN_CODE', `must be one of ${FAIL_STATUSES.join(', ')}`);
  if (status !== null && mode !== 'fail') read.fail(at('status'), 'INCONSISTENT', 'applies to mode fail only');
  if (delayMs !== null && mode !== 'slow') read.fail(at('delayMs'), 'INCONSISTENT', 'applies to mode slow only');
  if (holdMs !== null && mode !== 'timeout') read.fail(at('holdMs'), 'INCONSISTENT', 'applies to mode timeout only');
  if (afterHold !== null && mode !== 'timeout') read.fail(at('afterHold'), 'INCONSISTENT', 'applies to mode timeout only');
  if (read.problems.length > 0 || mode === null) return refused(read.problems);
  return parsed(
    {
      mode,
      capability,
      status: mode === 'fail' ? ((status ?? 503) as FailStatus) : null,
      delayMs: mode === 'slow' ? delayMs : null,
      holdMs: mode === 'timeout' ? holdMs : null,
      afterHold: mode === 'timeout' ? (afterHold ?? 'drop') : null,
      until: durationMs === null ? null : now + durationMs,
      remaining: count,
    },
    [],
  );
}

/** The rules still in force at `now`: a rule past its time or out of requests drops out. */
export function activeRules(rules: readonly FaultRule[], now: number): FaultRule[] {
  return rules.filter((rule) => (rule.until === null || now < rule.until) && (rule.remaining === null || rule.remaining > 0));
}

/** Setting a rule replaces the one with the same scope (one capability, or all). */
export function setRule(rules: readonly FaultRule[], rule: FaultRule, now: number): FaultRule[] {
  return [...activeRules(rules, now).filter((existing) => existing.capability !== rule.capability), rule];
}

/**
 * What to do with one request to `capability` at `now`: the capability's own rule wins over the
 * rule for all; a rule limited to N requests counts this one. Returns the effect and the rules after it.
 */
export function decideFault(rules: readonly FaultRule[], capability: Capability, now: number): { effect: FaultEffect; rules: FaultRule[] } {
  const active = activeRules(rules, now);
  const rule = active.find((candidate) => candidate.capability === capability) ?? active.find((candidate) => candidate.capability === null);
  if (rule === undefined) return { effect: { effect: 'PASS' }, rules: active };
  const counted = rule.remaining === null ? rule : { ...rule, remaining: rule.remaining - 1 };
  const next = activeRules(active.map((candidate) => (candidate === rule ? counted : candidate)), now);
  return { effect: effectOf(rule, now), rules: next };
}

function effectOf(rule: FaultRule, now: number): FaultEffect {
  switch (rule.mode) {
    case 'ok':
      return { effect: 'PASS' };
    case 'fail':
      return {
        effect: 'FAIL',
        status: rule.status ?? 503,
        retryAfterSeconds: rule.until === null ? null : Math.max(1, Math.ceil((rule.until - now) / 1000)),
      };
    case 'slow':
      return { effect: 'DELAY', ms: rule.delayMs ?? 0 };
    case 'timeout':
      return { effect: 'HOLD', ms: rule.holdMs, afterHold: rule.afterHold ?? 'drop' };
  }
}

/** The rules as GET /sandbox/v1/faults shows them. */
export function describeRules(rules: readonly FaultRule[], now: number): Array<Record<string, unknown>> {
  return activeRules(rules, now).map((rule) => ({
    mode: rule.mode,
    capability: rule.capability ?? 'all',
    ...(rule.status === null ? {} : { status: rule.status }),
    ...(rule.delayMs === null ? {} : { delayMs: rule.delayMs }),
    ...(rule.mode === 'timeout' ? { holdMs: rule.holdMs, afterHold: rule.afterHold } : {}),
    until: rule.until === null ? null : new Date(rule.until).toISOString(),
    remaining: rule.remaining,
  }));
}
