// Property-based fuzzing (fast-check) of the runtime's batch path with the source-JSON decoder:
// batches of records with arbitrary bytes and producer-set headers. Every record must end either
// handled by a declared handler or on a retry / dead-letter topic with a classified error code —
// never acknowledged without a handler having run (a silent drop). The producer here is the
// ProducerPort interface recording what it is given; BatchProcessor itself has no Kafka client.
import fc from 'fast-check';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the shared fuzz helpers live in test/faults (spec files only)
import { fuzzAsync } from '../../../../test/faults/fuzz';
import { ERROR_CODES } from '../errors/error-codes';
import { ACK, type HandlerMap } from '../handler/handler';
import { HEADERS } from '../headers/header-names';
import { JsonDecoder } from '../infra/json-decoder';
import type { InboundRecord, OutboundRecord, ProducerPort } from '../ports/records';
import { BatchProcessor } from './batch-processor';

const TOPIC = 'source.ap.invoice.v1';
const topology = { group: 'fuzz.invoice-sync', sourceTopics: [TOPIC], delaysMs: [1000] };

const recordArb = fc.record({
  value: fc.oneof(
    fc.constant(Buffer.from('{"invoiceId":"INV-1"}')),
    fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b)),
    fc.jsonValue({ maxDepth: 2 }).map((j) => Buffer.from(JSON.stringify(j) ?? 'null')),
  ),
  headers: fc.dictionary(
    fc.constantFrom(HEADERS.eventType, HEADERS.originalTopic, 'x-other'),
    fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('ApInvoiceCaptured', TOPIC, 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf')),
    { maxKeys: 2 },
  ),
});

describe('the batch processor under fuzzing', () => {
  it('when batches hold arbitrary bytes and producer-set headers › every record is handled by a declared handler or routed with a classified code, none acknowledged unhandled', async () => {
    const cases = await fuzzAsync('messaging: BatchProcessor + JsonDecoder (batches of arbitrary records)', fc.array(recordArb, { minLength: 1, maxLength: 8 }), async (specs) => {
      const handled: string[] = [];
      const sent: OutboundRecord[] = [];
      const producer: ProducerPort = { send: async (records) => void sent.push(...records) };
      const handlers: HandlerMap = {
        ApInvoiceCaptured: async (event) => {
          handled.push(event.offset);
          return ACK;
        },
      };
      const processor = new BatchProcessor({ topology, decoder: new JsonDecoder({ [TOPIC]: 'ApInvoiceCaptured' }), handlers, producer, concurrency: 4, clock: () => 0 });
      const records: InboundRecord[] = specs.map((spec, i) => ({ topic: TOPIC, partition: 0, offset: String(i), timestamp: '0', key: Buffer.from(`k${i % 3}`), value: spec.value, headers: spec.headers }));
      const result = await processor.process(records);
      expect(result.acked + result.skipped + result.retried + result.deadLettered).toBe(records.length);
      // Acknowledged means a declared handler ran: nothing else may count as done.
      expect(result.acked + result.skipped).toBe(handled.length);
      for (const routed of sent) expect(Object.keys(ERROR_CODES)).toContain(routed.headers?.[HEADERS.errorCode]);
      expect(sent.length).toBe(result.retried + result.deadLettered);
    });
    expect(cases).toBeGreaterThanOrEqual(1000);
  });
});
