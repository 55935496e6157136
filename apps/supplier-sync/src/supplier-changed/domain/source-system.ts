/** The systems that both send supplier records and receive the merged result. */
export const SOURCE_SYSTEMS = ['erp', 'purchasing'] as const;
export type SourceSystem = (typeof SOURCE_SYSTEMS)[number];

/** A supplier's status as a source system states it; ordered from least to most restrictive. */
export const SOURCE_STATUSES = ['ACTIVE', 'INACTIVE', 'BLOCKED'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

export function isSourceSystem(value: unknown): value is SourceSystem {
  return typeof value === 'string' && (SOURCE_SYSTEMS as readonly string[]).includes(value);
}
