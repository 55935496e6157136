import { installServiceLogger, JsonLogger, REDACTED } from '@procurelink/observability';
import { invalidInput } from '../errors/processing-error';
import { HEADERS } from '../headers/header-names';
import type { InboundEvent } from '../handler/handler';
import { createProducer } from '../infra/kafkajs/create-client';
import { JsonDecoder } from '../infra/json-decoder';
import { KafkaConsumerRuntime } from '../infra/kafkajs/kafka-consumer-runtime';
import { eventually, RuntimeHarness } from '../infra/kafkajs/runtime-harness.spec';
import { BatchProcessor } from './batch-processor';
import { stderrLogger } from './runtime-logger';

/**
 * A supplier with a bank account and a tax id goes through the runtime, fails with an error
 * whose message holds both, and is dead-lettered. Everything the service writes meanwhile (the
 * app's JSON logger, the runtime's own logger, an operator logging the dead letter) is captured:
 * neither value appears, in any form, and the redaction marker does.
 */
const IBAN = 'DE89370400440532013000';
const IBAN_GROUPED = 'DE89 3704 0044 0532 0130 00';
const ACCOUNT = '000123456789';
const TAX_ID = '12-3456789';
const CLEAR = [IBAN, IBAN_GROUPED, ACCOUNT, TAX_ID, '123456789', '0532013000'];

jest.setTimeout(60_000);

describe('no bank account or tax id in the logs', () => {
  const h = new RuntimeHarness('no-clear-values');
  const lines: string[] = [];
  const logger = new JsonLogger({ service: 'supplier-sync', level: 'debug', write: (line) => lines.push(line) });
  let runtime: KafkaConsumerRuntime | undefined;
  let disconnect: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    await h.setUp(1);
    installServiceLogger(logger);
  });
  afterAll(async () => {
    installServiceLogger(undefined);
    await runtime?.stop(5_000);
    await disconnect?.();
    await h.tearDown();
  });

  it('when a record holding them fails and is dead-lettered › every line is redacted and the dead letter is masked', async () => {
    const created = await createProducer(h.kafka, { lingerMs: 2, maxBatchRecords: 100 });
    disconnect = () => created.producer.disconnect();
    const processor = new BatchProcessor({
      topology: h.topology,
      decoder: new JsonDecoder({ [h.source]: 'SupplierChanged' }, (value) => (value as { id: string }).id),
      handlers: {
        SupplierChanged: async (event: InboundEvent) => {
          // What a flow might log: the record as it came, and the failure with its message.
          logger.log({ message: 'supplier received', supplier: event.value, key: event.key }, 'SupplierFlow');
          const error = invalidInput(`supplier S-1 refused: bank account ${IBAN} (${IBAN_GROUPED}), account ${ACCOUNT}, tax id ${TAX_ID} do not validate`);
          logger.warn(error, 'SupplierFlow');
          throw error;
        },
      },
      producer: created.port,
      concurrency: 4,
    });
    // No `logger` option: the runtime writes through its default, i.e. the installed service logger.
    runtime = new KafkaConsumerRuntime(h.kafka, { topology: h.topology, processor });
    await runtime.start();
    await h.sendJson([
      {
        key: 'S-1',
        value: { id: 'e-1', supplierId: 'S-1', bankAccount: { iban: IBAN, accountNumber: ACCOUNT }, taxId: TAX_ID, note: `remit to ${IBAN_GROUPED}, EIN ${TAX_ID}` },
      },
    ]);

    const [deadLetter] = await eventually(() => h.read(h.topics.deadLetter), (records) => records.length === 1);
    // The dead letter keeps the record (replay needs it) but its headers say why without the values.
    const headerText = JSON.stringify(deadLetter?.headers);
    expect(deadLetter?.headers[HEADERS.errorCode]).toBe('INVALID_INPUT');
    for (const value of CLEAR) expect(headerText).not.toContain(value);
    expect(deadLetter?.headers[HEADERS.errorMessage]).toContain('****');

    // The runtime's own logger, as it reports a failure; an operator logging the dead letter.
    stderrLogger.error(`record dead-lettered: ${deadLetter?.headers[HEADERS.errorMessage]}`, { cause: `tax id ${TAX_ID}`, offset: deadLetter?.offset });
    stderrLogger.warn('batch not finished; the partition rests and tries again', { error: `ERP refused ${ACCOUNT}`, topic: h.source });
    logger.warn('dead letter', { headers: deadLetter?.headers, value: deadLetter?.value?.toString('utf8') });

    const text = lines.join('');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const value of CLEAR) expect(text).not.toContain(value);
    expect(text).toContain(REDACTED);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.every((line) => line['service'] === 'supplier-sync' && typeof line['time'] === 'string')).toBe(true);
    // The runtime's own report of the dead letter (code and masked message), then the two above.
    const runtimeLines = parsed.filter((line) => line['logger'] === 'messaging');
    expect(runtimeLines.map((line) => line['level'])).toEqual(['error', 'error', 'warn']);
    expect(runtimeLines[0]).toMatchObject({ message: 'record dead-lettered', code: 'INVALID_INPUT', to: h.topics.deadLetter });
    expect(parsed[0]).toMatchObject({ logger: 'SupplierFlow', message: 'supplier received', supplier: { supplierId: 'S-1', bankAccount: REDACTED, taxId: REDACTED } });
  });
});
