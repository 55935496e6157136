import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { stackEndpoints } from '@procurelink/test-support';
import { ProcessingError } from '../errors/processing-error';
import { HEADERS } from '../headers/header-names';
import { ACK, type InboundEvent } from '../handler/handler';
import { AvroRegistryDecoder } from './avro-registry-decoder';
import { eventually, RuntimeHarness } from './kafkajs/runtime-harness.spec';

jest.setTimeout(60_000);

/**
 * Every kind of poison record ends on the dead-letter topic with its reason, while the
 * records after it on the same partition and key are still handled.
 */
describe('poison records on an Avro topic', () => {
  const h = new RuntimeHarness('poison');
  const registry = new SchemaRegistry({ host: stackEndpoints().schemaRegistryUrl });
  const namespace = `io.procurelink.test.run${h.run}`;
  const record = (name: string) => ({
    type: 'record',
    name,
    namespace,
    fields: [
      { name: 'envelope', type: { type: 'record', name: `${name}Envelope`, fields: [{ name: 'eventId', type: 'string' }] } },
      { name: 'poNumber', type: 'string' },
      { name: 'note', type: 'string' },
    ],
  });
  const handled: string[] = [];

  beforeAll(async () => {
    await h.setUp(1);
    await h.startRuntime({
      decoder: new AvroRegistryDecoder(registry),
      handlers: {
        TestEvent: async (event: InboundEvent) => {
          const value = event.value as { poNumber: string };
          if (value.poNumber === '') throw new ProcessingError('INVALID_INPUT', 'poNumber is empty');
          handled.push(value.poNumber);
          return ACK;
        },
      },
    });
  });
  afterAll(() => h.tearDown());

  it('when each kind of poison arrives between valid records › each is dead-lettered with its reason and the valid ones flow', async () => {
    const known = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(record('TestEvent')) }, {
      subject: `${h.source}-${namespace}.TestEvent`,
    });
    const other = await registry.register({ type: SchemaType.AVRO, schema: JSON.stringify(record('OtherEvent')) }, {
      subject: `${h.source}-${namespace}.OtherEvent`,
    });
    const event = (id: string, poNumber: string) => ({ envelope: { eventId: id }, poNumber, note: 'x'.repeat(40) });
    const valid = async (id: string, po: string) => registry.encode(known.id, event(id, po));
    const truncated = (await valid('t', 'PO-T')).subarray(0, 20);
    const unknownSchema = Buffer.from(await valid('u', 'PO-U'));
    unknownSchema.writeUInt32BE(2_000_000_000, 1);

    await h.sendRaw([
      { key: 'PO', value: await valid('1', 'PO-1') },
      { key: 'PO', value: Buffer.from('{"poNumber":"PO-JSON"}') },
      { key: 'PO', value: unknownSchema },
      { key: 'PO', value: truncated },
      { key: 'PO', value: await registry.encode(other.id, event('o', 'PO-O')) },
      { key: 'PO', value: await valid('e', '') },
      { key: 'PO', value: null },
      { key: 'PO', value: await valid('2', 'PO-2') },
    ]);

    await eventually(() => handled.length, (n) => n >= 2);
    const dead = await eventually(() => h.read(h.topics.deadLetter), (r) => r.length >= 6);
    expect(handled).toEqual(['PO-1', 'PO-2']);
    expect(dead.map((r) => r.headers[HEADERS.errorCode])).toEqual([
      'BAD_WIRE_FORMAT',
      'UNKNOWN_SCHEMA',
      'UNDECODABLE_PAYLOAD',
      'NO_HANDLER',
      'INVALID_INPUT',
      'BAD_WIRE_FORMAT',
    ]);
    expect(dead.map((r) => r.headers[HEADERS.originalOffset])).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(dead[0]?.headers[HEADERS.errorMessage]).toBe('BAD_MAGIC_BYTE: magic byte is 123, expected 0');
    expect(dead[3]?.headers[HEADERS.errorMessage]).toBe('no handler for event type OtherEvent');
    expect(dead[5]?.value).toBeNull();
  });
});
