import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { decideFault, describeRules, setRule, type FaultEffect, type FaultRule } from '../domain/faults';
import type { Capability } from '../domain/posting';
import { CLOCK, type Clock } from '../clock';

export const INITIAL_FAULTS = Symbol('INITIAL_FAULTS');

/** Why a hold ended. */
export type HoldEnd = 'ELAPSED' | 'RELEASED' | 'ABANDONED';

/**
 * The faults in force and the requests held by a `timeout` fault. Decisions are the pure
 * decideFault; this keeps the state between requests and wakes held requests on release.
 */
@Injectable()
export class FaultBoard implements OnModuleDestroy {
  private rules: FaultRule[];
  private readonly held = new Set<(end: HoldEnd) => void>();

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(INITIAL_FAULTS) initial: readonly FaultRule[],
  ) {
    this.rules = [...initial];
  }

  decide(capability: Capability): FaultEffect {
    const { effect, rules } = decideFault(this.rules, capability, this.clock());
    this.rules = rules;
    return effect;
  }

  set(rule: FaultRule): void {
    this.rules = setRule(this.rules, rule, this.clock());
  }

  /** Clears every rule, or one capability's (`all` is the rule for every capability); held requests are released. */
  clear(scope: Capability | 'all' | null): number {
    const before = this.rules.length;
    this.rules = scope === null ? [] : this.rules.filter((rule) => (rule.capability ?? 'all') !== scope);
    this.release();
    return before - this.rules.length;
  }

  describe(): Array<Record<string, unknown>> {
    return describeRules(this.rules, this.clock());
  }

  get heldCount(): number {
    return this.held.size;
  }

  /** Waits until `ms` pass (null: no limit), release() is called, or `abandon` fires. */
  hold(ms: number | null, abandon: (listener: () => void) => void): Promise<HoldEnd> {
    return new Promise((resolve) => {
      const end = (how: HoldEnd): void => {
        if (!this.held.delete(end)) return;
        if (timer !== undefined) clearTimeout(timer);
        resolve(how);
      };
      const timer = ms === null ? undefined : setTimeout(() => end('ELAPSED'), ms);
      this.held.add(end);
      abandon(() => end('ABANDONED'));
    });
  }

  /** Ends every hold now; returns how many requests were waiting. */
  release(): number {
    const waiting = [...this.held];
    for (const end of waiting) end('RELEASED');
    return waiting.length;
  }

  onModuleDestroy(): void {
    this.release();
  }
}
