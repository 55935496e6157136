import type { CatalogueEntry } from './catalogue';

/** An event without a usable aggregate id: it cannot be keyed, so it cannot be ordered. */
export class EventKeyError extends Error {
  readonly retriable = false;
  readonly code = 'MISSING_KEY';

  constructor(message: string) {
    super(message);
    this.name = 'EventKeyError';
  }
}

/** The Kafka key of an event: the value of its entry's key field, which must be a non-empty string. */
export function eventKey(entry: Pick<CatalogueEntry, 'eventType' | 'keyField'>, event: object): string {
  const value = (event as Record<string, unknown>)[entry.keyField];
  if (typeof value !== 'string' || value.length === 0) {
    throw new EventKeyError(`${entry.eventType} needs a non-empty string ${entry.keyField} to be keyed, got ${JSON.stringify(value)}`);
  }
  return value;
}
