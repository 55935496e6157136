import { stableEventId } from '@procurelink/canonical-schemas';
import { createHash } from 'node:crypto';
import type { SourceSystem } from '../domain';

function field(value: unknown, name: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const found = (value as Record<string, unknown>)[name];
  return typeof found === 'string' && found.trim() !== '' ? found.trim() : null;
}

/**
 * A stable id for a source record, so a true redelivery is skipped by the runtime's claims:
 * the system, the record id, its change time and a hash of the whole record (two different
 * records with the same change time are not taken for one). Undefined when the record has no id
 * (the handler then rejects it).
 */
export function sourceEventId(source: SourceSystem, value: unknown): string | undefined {
  const id = field(value, source === 'erp' ? 'VENDOR_ID' : 'supplierId');
  if (id === null) return undefined;
  const changedAt = field(value, source === 'erp' ? 'LAST_CHANGED' : 'updatedAt') ?? '';
  const digest = createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);
  return stableEventId(source, id, changedAt, digest);
}
