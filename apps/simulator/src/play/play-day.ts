import type { DayPlan } from '../day/plan-day';
import type { SourceWriter } from './ports';

export interface PlayOptions {
  /** 2 plays twice as fast. */
  readonly speed: number;
  readonly topicPrefix: string;
  readonly say: (line: string) => void;
  readonly sleep: (ms: number) => Promise<void>;
}

/** Writes every act of the plan at its moment (scaled by the speed), saying what each one is. */
export async function playActs(plan: DayPlan, writer: SourceWriter, options: PlayOptions): Promise<number> {
  let now = 0;
  for (const act of plan.acts) {
    const due = act.at / options.speed;
    if (due > now) await options.sleep(due - now);
    now = Math.max(now, due);
    const value = typeof act.value === 'string' ? act.value : JSON.stringify(act.value);
    await writer.write({ topic: `${options.topicPrefix}${act.topic}`, key: act.key, value });
    options.say(`  ${(act.at / 1000).toFixed(1).padStart(5)}s  ${act.note}`);
  }
  return plan.acts.length;
}
