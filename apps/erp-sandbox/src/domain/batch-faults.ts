import type { AfterHold, FaultEffect } from './faults';

/** What a batch waits for before its items run: nothing, the longest delay once, or a hold of the whole request. */
export type BatchWait =
  | { readonly wait: 'NONE' }
  | { readonly wait: 'DELAY'; readonly ms: number }
  | { readonly wait: 'HOLD'; readonly ms: number | null; readonly afterHold: AfterHold };

/**
 * Combines the fault effects of a batch's items (null: an item with no capability). A hold wins over a
 * delay; several holds last as long as the longest (null: until released) and drop if any would drop.
 * FAIL effects do not hold the batch up: those items alone answer the fault.
 */
export function batchWait(effects: readonly (FaultEffect | null)[]): BatchWait {
  const holds = effects.flatMap((effect) => (effect?.effect === 'HOLD' ? [effect] : []));
  if (holds.length > 0) {
    const ms = holds.some((hold) => hold.ms === null) ? null : Math.max(...holds.map((hold) => hold.ms ?? 0));
    return { wait: 'HOLD', ms, afterHold: holds.some((hold) => hold.afterHold === 'drop') ? 'drop' : 'proceed' };
  }
  const delays = effects.flatMap((effect) => (effect?.effect === 'DELAY' ? [effect.ms] : []));
  return delays.length > 0 ? { wait: 'DELAY', ms: Math.max(...delays) } : { wait: 'NONE' };
}
