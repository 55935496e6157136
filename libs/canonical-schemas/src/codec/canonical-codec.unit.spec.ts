import { buildCatalogue } from '../catalogue/catalogue';
import { sampleEvents } from '../catalogue/sample-events.fixture.spec';
import type { CanonicalEventType } from '../catalogue/topics';
import { parseAvroSchema } from '../schema/parse';
import { readWireHeader } from '../wire-format';
import { CanonicalCodec } from './canonical-codec';

describe('CanonicalCodec', () => {
  const catalogue = buildCatalogue({ topicPrefix: 'test.codec.' });
  const ids = new Map<CanonicalEventType, number>(catalogue.map((entry, i) => [entry.eventType, 100 + i]));
  const codec = CanonicalCodec.fromIds(catalogue, ids);

  it('encodes an event in the wire format with its registered schema id, topic and aggregate key', () => {
    const encoded = codec.encode('InvoiceReceived', sampleEvents.InvoiceReceived);
    const header = readWireHeader(encoded.value);
    expect(header.ok && header.schemaId).toBe(ids.get('InvoiceReceived'));
    expect(encoded.topic).toBe('test.codec.p2p.invoice.v1');
    expect(encoded.key).toBe(sampleEvents.InvoiceReceived.invoiceId);
    expect(encoded.eventId).toBe(sampleEvents.InvoiceReceived.envelope.eventId);
    const type = parseAvroSchema(catalogue.find((e) => e.eventType === 'InvoiceReceived')!.schema, 'InvoiceReceived');
    const read = type.fromBuffer(header.ok ? header.payload : Buffer.alloc(0)) as typeof sampleEvents.InvoiceReceived;
    expect(read.totalAmount.amount.toString()).toBe('76.4550');
  });

  it('refuses an event that does not fit its schema, naming the path, as non-retriable invalid input', () => {
    const broken = { ...sampleEvents.PaymentScheduled, amount: { amount: 74.5, currency: 'USD' } };
    expect(() => codec.encode('PaymentScheduled', broken as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', retriable: false, message: expect.stringContaining('amount.amount') }),
    );
  });

  it('refuses an event type whose schema was not registered', () => {
    const partial = CanonicalCodec.fromIds(catalogue, new Map());
    expect(() => partial.encode('PaymentScheduled', sampleEvents.PaymentScheduled)).toThrow('PaymentScheduled has no registered schema');
  });
});
