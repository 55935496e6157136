import { randomUUID } from 'node:crypto';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { stackEndpoints } from '@procurelink/test-support';
import { avroLogicalTypes } from '../avro/logical-types';
import { buildCatalogue, catalogueEntry } from '../catalogue/catalogue';
import { sampleEvents } from '../catalogue/sample-events.fixture.spec';
import { CANONICAL_EVENT_TYPES } from '../catalogue/topics';
import { Decimal } from '../decimal/decimal';
import type { NamedSchemaJson } from '../schema/avro-json';
import { registerCanonicalSchemas } from './register';
import { RegistryClient } from './registry-client';

describe('registering the canonical schemas at start-up', () => {
  const { schemaRegistryUrl } = stackEndpoints();
  const topicPrefix = `test.register.${randomUUID().slice(0, 8)}.`;
  const catalogue = buildCatalogue({ topicPrefix });
  let ids: ReadonlyMap<string, number>;
  const idOf = (eventType: string): number => ids.get(eventType) ?? Number.NaN;

  beforeAll(async () => {
    ids = await registerCanonicalSchemas(schemaRegistryUrl, { topicPrefix });
  });

  it('› registers every event type under its TopicRecordNameStrategy subject and returns its schema id', async () => {
    expect([...ids.keys()]).toEqual(CANONICAL_EVENT_TYPES);
    const client = new RegistryClient(schemaRegistryUrl);
    for (const entry of catalogue) {
      const latest = await client.getVersion(entry.subject, 'latest');
      expect(latest.id).toBe(ids.get(entry.eventType));
      expect(JSON.parse(latest.schema)).toMatchObject({ name: entry.eventType, namespace: 'io.procurelink.p2p.v1' });
    }
  });

  it('› sets FULL_TRANSITIVE on every canonical subject (Apicurio supports PUT /config/{subject})', async () => {
    const client = new RegistryClient(schemaRegistryUrl);
    const levels = await Promise.all(catalogue.map((entry) => client.getCompatibility(entry.subject)));
    expect(levels).toEqual(catalogue.map(() => 'FULL_TRANSITIVE'));
  });

  it('when four services start at once on new subjects › every one registers and they agree on one version per subject', async () => {
    const fresh = `test.register.race.${randomUUID().slice(0, 8)}.`;
    const results = await Promise.all(Array.from({ length: 4 }, () => registerCanonicalSchemas(schemaRegistryUrl, { topicPrefix: fresh })));
    for (const result of results) expect(result).toEqual(results[0]);
    const client = new RegistryClient(schemaRegistryUrl);
    const freshCatalogue = buildCatalogue({ topicPrefix: fresh });
    expect(await client.listVersions(catalogueEntry(freshCatalogue, 'SupplierSynced').subject)).toEqual([1]);
    expect(await client.getCompatibility(catalogueEntry(freshCatalogue, 'InvoicePosted').subject)).toBe('FULL_TRANSITIVE');
  });

  it('when run again (every service start) › changes nothing and returns the same ids', async () => {
    const again = await registerCanonicalSchemas(schemaRegistryUrl, { catalogue });
    expect(again).toEqual(ids);
    const client = new RegistryClient(schemaRegistryUrl);
    expect(await client.listVersions(catalogueEntry(catalogue, 'SupplierSynced').subject)).toEqual([1]);
  });

  it('› lets the Confluent client encode and decode with the exported logical types: Decimal and Date survive', async () => {
    const registry = new SchemaRegistry({ host: schemaRegistryUrl }, { [SchemaType.AVRO]: { logicalTypes: avroLogicalTypes } });
    const encoded = await registry.encode(idOf('InvoiceReceived'), sampleEvents.InvoiceReceived);
    const decoded = (await registry.decode(encoded)) as typeof sampleEvents.InvoiceReceived;
    expect(decoded.totalAmount.amount).toBeInstanceOf(Decimal);
    expect(decoded.totalAmount.amount.toString()).toBe('76.4550');
    expect(decoded.lines[1]?.lineAmount.amount.toString()).toBe('-8.4950');
    expect(decoded.envelope.occurredAt).toEqual(sampleEvents.InvoiceReceived.envelope.occurredAt);
    expect(decoded.invoiceDate).toBe('2025-06-06');
  });

  it('when an event carries a number where a decimal belongs › the Confluent client refuses to encode it', async () => {
    const registry = new SchemaRegistry({ host: schemaRegistryUrl }, { [SchemaType.AVRO]: { logicalTypes: avroLogicalTypes } });
    const bad = { ...sampleEvents.PaymentCompleted, amount: { amount: 74.9259, currency: 'USD' } };
    await expect(registry.encode(idOf('PaymentCompleted'), bad)).rejects.toThrow(
      'expected a Decimal for decimal(18,4), got the number 74.9259',
    );
  });

  it('when a subject already holds a schema the change would break › registration fails with INCOMPATIBLE, naming the subject', async () => {
    const entry = catalogueEntry(catalogue, 'PaymentVoided');
    const schema = entry.schema as NamedSchemaJson;
    const breaking = { ...entry, schema: { ...schema, fields: (schema.fields ?? []).filter((field) => field.name !== 'reason') } };
    await expect(registerCanonicalSchemas(schemaRegistryUrl, { catalogue: [breaking] })).rejects.toMatchObject({
      name: 'RegistryError',
      code: 'INCOMPATIBLE',
      retriable: false,
      message: expect.stringContaining(entry.subject),
    });
  });

  it('when the registry cannot be reached › fails with a retriable UNREACHABLE error', async () => {
    await expect(
      registerCanonicalSchemas('http://127.0.0.1:9/apis/ccompat/v7', { catalogue: catalogue.slice(0, 1), timeoutMs: 2_000 }),
    ).rejects.toMatchObject({ code: 'UNREACHABLE', retriable: true });
  });
});
