// Property-based fuzzing (fast-check) of the source-JSON decoder every service reads its source
// topics with: thousands of arbitrary byte strings, broken JSON texts and header combinations.
// Each record decodes, or fails with a ProcessingError whose code is from the closed list and is
// classified as not retriable (straight to the dead-letter topic) — never anything else.
import fc from 'fast-check';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared fuzz helpers live in test/faults (spec files only)
import { fuzzAsync } from '../../../../test/faults/fuzz';
import { classify } from '../errors/classify';
import { ProcessingError } from '../errors/processing-error';
import { HEADERS } from '../headers/header-names';
import type { InboundRecord } from '../ports/records';
import { JsonDecoder } from './json-decoder';

const decoder = new JsonDecoder({ 'source.ap.invoice.v1': 'ApInvoiceCaptured' }, (value) =>
  typeof value === 'object' && value !== null && typeof (value as { invoiceId?: unknown }).invoiceId === 'string' ? (value as { invoiceId: string }).invoiceId : undefined,
);

const valueBytes = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ maxLength: 200 }).map((text) => Buffer.from(text)),
  fc.jsonValue({ maxDepth: 3 }).map((json) => Buffer.from(JSON.stringify(json) ?? 'null')),
  fc
    .tuple(fc.jsonValue({ maxDepth: 3 }), fc.nat())
    .map(([json, cut]) => {
      const text = JSON.stringify({ invoiceId: 'INV-1', body: json });
      return Buffer.from(text.slice(0, cut % (text.length + 1)));
    }),
  fc.constantFrom(null, Buffer.alloc(0), Buffer.from('\uFEFF{}'), Buffer.from('{"a":1}{"b":2}'), Buffer.from('1e99999'), Buffer.from('"\\ud800"')),
);
const record = fc.record({
  topic: fc.constantFrom('source.ap.invoice.v1', 'source.unknown.v1', ''),
  value: valueBytes,
  // Headers come from whoever produced the record: any text, including names every object inherits.
  headers: fc.dictionary(
    fc.constantFrom(HEADERS.eventType, HEADERS.originalTopic, HEADERS.eventId, 'x-other'),
    fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('toString', 'constructor', '__proto__', 'hasOwnProperty', 'source.ap.invoice.v1')),
    { maxKeys: 3 },
  ),
});

describe('the JSON decoder under fuzzing', () => {
  it('when records hold arbitrary bytes, broken JSON or odd headers › each decodes or fails as a ProcessingError classified as not retriable', async () => {
    const cases = await fuzzAsync('messaging: JsonDecoder (bytes, JSON text, headers)', record, async ({ topic, value, headers }) => {
      const inbound: InboundRecord = { topic, partition: 0, offset: '0', timestamp: '0', key: null, value, headers };
      const outcome = await decoder.decode(inbound).then(
        (decoded) => ({ decoded }),
        (error: unknown) => ({ error }),
      );
      if ('decoded' in outcome) {
        // A handler is looked up by this name: it must be a real event type, not something inherited.
        expect(typeof outcome.decoded.eventType).toBe('string');
        expect(outcome.decoded.eventType.length).toBeGreaterThan(0);
      } else {
        expect(outcome.error).toBeInstanceOf(ProcessingError);
        const failure = classify(outcome.error);
        expect(['INVALID_INPUT', 'NO_HANDLER']).toContain(failure.code);
        expect(failure.retriable).toBe(false);
      }
    });
    expect(cases).toBeGreaterThanOrEqual(1000);
  });
});
