import { buildCatalogue, type CatalogueEntry, type CatalogueOptions } from '../catalogue/catalogue';
import type { CanonicalEventType } from '../catalogue/topics';
import { RegistryClient, type CompatibilityLevel, type RegistryClientOptions } from './registry-client';

/** Canonical subjects are consumed by analytics: no field may disappear or appear without a default. */
export const CANONICAL_COMPATIBILITY: CompatibilityLevel = 'FULL_TRANSITIVE';

export interface RegisterOptions extends CatalogueOptions, RegistryClientOptions {
  /** The entries to register; defaults to buildCatalogue(options). */
  readonly catalogue?: readonly CatalogueEntry[];
  readonly compatibility?: CompatibilityLevel;
}

/**
 * Called at service start-up: sets each canonical subject's compatibility level (before its
 * first version, so even that is governed) and registers each event's schema. Registering a
 * schema the registry already holds returns its existing id. Returns event type → schema id.
 */
export async function registerCanonicalSchemas(
  registryUrl: string,
  options: RegisterOptions = {},
): Promise<ReadonlyMap<CanonicalEventType, number>> {
  const client = new RegistryClient(registryUrl, options);
  const catalogue = options.catalogue ?? buildCatalogue(options);
  const level = options.compatibility ?? CANONICAL_COMPATIBILITY;
  const ids = new Map<CanonicalEventType, number>();
  for (const entry of catalogue) {
    await client.setCompatibility(entry.subject, level);
    ids.set(entry.eventType, await client.register(entry.subject, JSON.stringify(entry.schema)));
  }
  return ids;
}
