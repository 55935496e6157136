import { Decimal } from '../decimal/decimal';
import { parseAvroSchema } from '../schema/parse';
import { buildCatalogue, catalogueEntry } from './catalogue';
import { sampleEvents } from './sample-events.fixture.spec';

/** Decimals come back at the schema scale (76.455 as 76.4550, the same number): compare them by value. */
function byValue(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return `decimal ${value.toString().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '')}`;
  if (Array.isArray(value)) return value.map(byValue);
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, byValue(inner)]));
}

describe('every canonical event through its Avro schema', () => {
  const catalogue = buildCatalogue();

  it.each(catalogue.map((entry) => [entry.eventType, entry] as const))(
    '%s › round-trips through avsc with decimals, dates and timestamps intact',
    (eventType, entry) => {
      const type = parseAvroSchema(entry.schema, eventType);
      const event = sampleEvents[eventType];
      const read = type.fromBuffer(type.toBuffer(event));
      expect(byValue(read)).toEqual(byValue(event));
      expect(type.isValid(event)).toBe(true);
    },
  );

  it('an invoice with a credit line › keeps negative amounts exact', () => {
    const type = parseAvroSchema(catalogueEntry(catalogue, 'InvoiceReceived').schema, 'InvoiceReceived');
    const read = type.fromBuffer(type.toBuffer(sampleEvents.InvoiceReceived)) as typeof sampleEvents.InvoiceReceived;
    expect(read.lines[1]?.lineAmount.amount.toString()).toBe('-8.4950');
    expect(read.lines[1]?.quantity.toString()).toBe('-1.0000');
    expect(read.totalAmount.amount.toString()).toBe('76.4550');
    expect(read.envelope.occurredAt).toEqual(new Date('2025-06-02T09:30:00.123Z'));
    expect(read.dueDate).toBe('2025-07-06');
  });

  it('an amount with a fifth decimal place › is refused rather than rounded', () => {
    const type = parseAvroSchema(catalogueEntry(catalogue, 'PaymentScheduled').schema, 'PaymentScheduled');
    const bad = { ...sampleEvents.PaymentScheduled, amount: { amount: Decimal.parse('74.92591'), currency: 'USD' } };
    expect(type.isValid(bad)).toBe(false);
    expect(() => type.toBuffer(bad)).toThrow(/decimal places/);
  });
});
