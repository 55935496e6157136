import type { CatalogueEntry } from '../catalogue/catalogue';
import { generateTypeScript } from './typescript';

const entry = (schema: object): CatalogueEntry => ({
  eventType: 'PaymentVoided',
  fullName: 'io.x.PaymentVoided',
  topic: 't',
  subject: 's',
  keyField: 'paymentId',
  schema: schema as CatalogueEntry['schema'],
});

describe('generating TypeScript from Avro', () => {
  const source = generateTypeScript([
    entry({
      type: 'record',
      name: 'PaymentVoided',
      namespace: 'io.x',
      doc: 'A payment was voided.',
      fields: [
        { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 18, scale: 4 } },
        { name: 'at', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'on', type: ['null', { type: 'int', logicalType: 'date' }], default: null },
        { name: 'tags', type: { type: 'array', items: ['null', 'string'] } },
        { name: 'extra', type: { type: 'map', values: 'long' } },
        { name: 'why', type: { type: 'enum', name: 'Why', symbols: ['A', 'OTHER'], default: 'OTHER' } },
        { name: 'again', type: 'Why', doc: 'The same enum by reference.' },
      ],
    }),
  ]);

  it('a decimal › becomes Decimal, never number', () => {
    expect(source).toContain('readonly amount: Decimal;');
  });

  it('a timestamp-millis › becomes Date, and a date a CalendarDate string', () => {
    expect(source).toContain('readonly at: Date;');
    expect(source).toContain('readonly on: CalendarDate | null;');
  });

  it('arrays and maps › become readonly', () => {
    expect(source).toContain('readonly tags: readonly (string | null)[];');
    expect(source).toContain('readonly extra: Readonly<Record<string, number>>;');
  });

  it('an enum › becomes a string-literal union, referenced by name', () => {
    expect(source).toContain("export type Why =\n  | 'A'\n  | 'OTHER';");
    expect(source).toContain('readonly why: Why;');
    expect(source).toContain('/** The same enum by reference. */\n  readonly again: Why;');
  });

  it('the events › are mapped by event type', () => {
    expect(source).toContain('export interface CanonicalEventMap {\n  readonly PaymentVoided: PaymentVoided;\n}');
  });
});
