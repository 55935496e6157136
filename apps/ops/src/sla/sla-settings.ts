import type { EnvReader } from '@procurelink/service-host';
import { DEFAULT_SLAS, parseSlaDefinitions, type SlaDefinition } from './domain';

/** OPS_SLAS: a JSON list of SLA definitions replacing the defaults; problems go to the reader. */
export function readSlaDefinitions(read: EnvReader, env: Readonly<Record<string, string | undefined>>): readonly SlaDefinition[] {
  const raw = env['OPS_SLAS'];
  if (raw === undefined || raw.trim() === '') return DEFAULT_SLAS;
  const parsed = parseSlaDefinitions(raw);
  if (!parsed.ok) {
    read.problems.push(...parsed.problems);
    return DEFAULT_SLAS;
  }
  return parsed.value;
}
