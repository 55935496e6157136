import { randomUUID } from 'node:crypto';
import { stackEndpoints } from '@procurelink/test-support';
import { buildCatalogue, catalogueEntry, type CatalogueEntry } from '../catalogue/catalogue';
import type { AvroFieldJson, NamedSchemaJson } from '../schema/avro-json';
import { checkCatalogueCompatibility } from './check-compatibility';
import { registerCanonicalSchemas } from './register';
import { RegistryClient } from './registry-client';

/** The same entry with its top-level fields changed. */
function withFields(entry: CatalogueEntry, change: (fields: readonly AvroFieldJson[]) => AvroFieldJson[]): CatalogueEntry {
  const schema = entry.schema as NamedSchemaJson;
  return { ...entry, schema: { ...schema, fields: change(schema.fields ?? []) } };
}

describe('checking local schemas against the registry', () => {
  const { schemaRegistryUrl } = stackEndpoints();
  const topicPrefix = `test.check.${randomUUID().slice(0, 8)}.`;
  const catalogue = buildCatalogue({ topicPrefix });
  const voided = catalogueEntry(catalogue, 'PaymentVoided');

  beforeAll(async () => {
    await registerCanonicalSchemas(schemaRegistryUrl, { catalogue });
  });

  it('when the local schemas are the registered ones › every subject is compatible', async () => {
    const results = await checkCatalogueCompatibility(schemaRegistryUrl, { catalogue });
    expect(results.map((r) => r.verdict)).toEqual(catalogue.map(() => 'COMPATIBLE'));
    expect(results[0]).toMatchObject({ subject: catalogue[0]?.subject, registeredVersions: [1], reasons: [] });
  });

  it('when a subject is not registered yet › it is new, hence compatible', async () => {
    const fresh = buildCatalogue({ topicPrefix: `test.check-new.${randomUUID().slice(0, 8)}.` }).slice(0, 2);
    const results = await checkCatalogueCompatibility(schemaRegistryUrl, { catalogue: fresh });
    expect(results.map((r) => r.verdict)).toEqual(['NEW', 'NEW']);
  });

  it('when a required field is removed › the check fails, naming the subject and the field', async () => {
    const changed = withFields(voided, (fields) => fields.filter((field) => field.name !== 'reason'));
    const [result] = await checkCatalogueCompatibility(schemaRegistryUrl, { catalogue: [changed] });
    expect(result).toMatchObject({ subject: voided.subject, verdict: 'INCOMPATIBLE' });
    expect(result?.reasons).toEqual([expect.stringContaining('required field reason was removed')]);
  });

  it('when a field is added without a default › the check fails, naming the field', async () => {
    const changed = withFields(voided, (fields) => [...fields, { name: 'voidedBy', type: 'string' }]);
    const [result] = await checkCatalogueCompatibility(schemaRegistryUrl, { catalogue: [changed] });
    expect(result).toMatchObject({ verdict: 'INCOMPATIBLE' });
    expect(result?.reasons).toEqual([expect.stringContaining('field voidedBy was added without a default')]);
  });

  it('when an optional field with a default is added › the check passes', async () => {
    const changed = withFields(voided, (fields) => [...fields, { name: 'voidedBy', type: ['null', 'string'], default: null }]);
    const [result] = await checkCatalogueCompatibility(schemaRegistryUrl, { catalogue: [changed] });
    expect(result).toMatchObject({ subject: voided.subject, verdict: 'COMPATIBLE', reasons: [] });
  });

  it('when a change suits the latest version but not an older one › the check fails (compatibility is transitive)', async () => {
    const failed = catalogueEntry(catalogue, 'PaymentFailed');
    const client = new RegistryClient(schemaRegistryUrl);
    const note = (type: string): AvroFieldJson => ({ name: 'note', type: ['null', type], default: null });
    const channel: AvroFieldJson = { name: 'channel', type: ['null', 'string'], default: null };
    // v2 adds an optional string note; v3 drops it for another optional field: each step is FULL compatible.
    await client.register(failed.subject, JSON.stringify(withFields(failed, (fields) => [...fields, note('string')]).schema));
    await client.register(failed.subject, JSON.stringify(withFields(failed, (fields) => [...fields, channel]).schema));
    // Bringing note back as a long suits v3 (the latest) but not v2, whose readers expect a string.
    const [result] = await checkCatalogueCompatibility(schemaRegistryUrl, {
      catalogue: [withFields(failed, (fields) => [...fields, channel, note('long')])],
    });
    expect(result).toMatchObject({ verdict: 'INCOMPATIBLE', registeredVersions: [1, 2, 3] });
    expect(result?.reasons).toEqual(['against version 2: note changed type from null | string to null | long']);
  });
});
