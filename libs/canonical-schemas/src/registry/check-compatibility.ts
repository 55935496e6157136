import { buildCatalogue, type CatalogueEntry, type CatalogueOptions } from '../catalogue/catalogue';
import type { AvroSchemaJson } from '../schema/avro-json';
import { explainIncompatibility } from './explain-incompatibility';
import { RegistryClient, type RegistryClientOptions } from './registry-client';

export type CompatibilityVerdict = 'NEW' | 'COMPATIBLE' | 'INCOMPATIBLE';

export interface CompatibilityResult {
  readonly eventType: string;
  readonly subject: string;
  readonly verdict: CompatibilityVerdict;
  /** The versions the subject holds in the registry; empty when the subject is new. */
  readonly registeredVersions: readonly number[];
  /** Why the schema is incompatible: the registry's own messages when it gives any, else a local explanation. */
  readonly reasons: readonly string[];
}

export interface CheckOptions extends CatalogueOptions, RegistryClientOptions {
  /** The entries to check; defaults to buildCatalogue(options). */
  readonly catalogue?: readonly CatalogueEntry[];
}

/**
 * Asks the registry whether each local schema may become its subject's next version, under the
 * subject's own compatibility level (FULL_TRANSITIVE for canonical subjects, so every registered
 * version counts). A subject the registry does not hold yet is new, hence compatible.
 */
export async function checkCatalogueCompatibility(
  registryUrl: string,
  options: CheckOptions = {},
): Promise<readonly CompatibilityResult[]> {
  const client = new RegistryClient(registryUrl, options);
  const catalogue = options.catalogue ?? buildCatalogue(options);
  const results: CompatibilityResult[] = [];
  for (const entry of catalogue) {
    const base = { eventType: entry.eventType, subject: entry.subject };
    const answer = await client.testCompatibility(entry.subject, JSON.stringify(entry.schema));
    const registeredVersions = answer.subjectExists ? await client.listVersions(entry.subject) : [];
    if (registeredVersions.length === 0) {
      results.push({ ...base, verdict: 'NEW', registeredVersions, reasons: [] });
      continue;
    }
    if (answer.subjectExists && answer.compatible) {
      results.push({ ...base, verdict: 'COMPATIBLE', registeredVersions, reasons: [] });
      continue;
    }
    const reasons = answer.subjectExists && answer.messages.length > 0 ? answer.messages : await explain(client, entry, registeredVersions);
    results.push({ ...base, verdict: 'INCOMPATIBLE', registeredVersions, reasons });
  }
  return results;
}

async function explain(client: RegistryClient, entry: CatalogueEntry, versions: readonly number[]): Promise<string[]> {
  const reasons: string[] = [];
  for (const version of versions) {
    const registered = await client.getVersion(entry.subject, version);
    const found = explainIncompatibility(JSON.parse(registered.schema) as AvroSchemaJson, entry.schema);
    reasons.push(...found.map((reason) => `against version ${version}: ${reason}`));
  }
  if (reasons.length === 0) {
    reasons.push('the registry refuses it under the subject compatibility level; no field-level explanation was found locally');
  }
  return reasons;
}
