import { context, trace, TraceFlags } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { JsonLogger } from './json-logger';

function capture(level?: 'debug' | 'info' | 'warn' | 'error') {
  const lines: string[] = [];
  const logger = new JsonLogger({ service: 'po-sync', ...(level ? { level } : {}), write: (line) => lines.push(line) });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('JsonLogger', () => {
  beforeAll(() => context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()));
  afterAll(() => context.disable());

  it('writes one JSON object per line with time, level, service, logger and message', () => {
    const { logger, lines, parsed } = capture();
    logger.log('listening on http://127.0.0.1:3102', 'po-sync');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('}\n')).toBe(true);
    const [line] = parsed();
    expect(line).toEqual({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), level: 'info', service: 'po-sync', logger: 'po-sync', message: 'listening on http://127.0.0.1:3102' });
  });

  it('inside a span › carries its trace_id and span_id', () => {
    const { logger, parsed } = capture();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const spanId = '00f067aa0ba902b7';
    context.with(trace.setSpanContext(context.active(), { traceId, spanId, traceFlags: TraceFlags.SAMPLED }), () => logger.warn('slow ERP', 'Erp'));
    expect(parsed()[0]).toMatchObject({ level: 'warn', logger: 'Erp', trace_id: traceId, span_id: spanId });
  });

  it('keeps structured fields, redacted, without letting them replace the fixed ones', () => {
    const { logger, parsed } = capture();
    logger.child('messaging').warn('batch not finished', { topic: 't', partition: 1, message: 'shadow', taxId: '12-3456789' });
    expect(parsed()[0]).toEqual({
      time: expect.any(String),
      level: 'warn',
      service: 'po-sync',
      logger: 'messaging',
      message: 'batch not finished',
      topic: 't',
      partition: 1,
      'field.message': 'shadow',
      taxId: '[REDACTED]',
    });
  });

  it("reads Nest's error(message, stack, context) and an Error as the message", () => {
    const { logger, parsed } = capture();
    logger.error('unexpected failure', 'Error: x\n    at y', 'ExceptionsHandler');
    logger.error(new Error('refused account 000123456789'), 'Erp');
    const [first, second] = parsed();
    expect(first).toMatchObject({ level: 'error', logger: 'ExceptionsHandler', message: 'unexpected failure', stack: 'Error: x\n    at y' });
    expect(second).toMatchObject({ level: 'error', logger: 'Erp', message: 'refused account [REDACTED]', error: { name: 'Error', message: 'refused account [REDACTED]' } });
  });

  it('writes nothing below its level, and follows the levels Nest sets', () => {
    const { logger, lines } = capture('warn');
    logger.log('hidden');
    logger.debug('hidden');
    logger.warn('shown');
    logger.setLogLevels(['debug', 'log', 'warn', 'error', 'fatal']);
    logger.debug('shown too');
    expect(lines.map((l) => JSON.parse(l).message)).toEqual(['shown', 'shown too']);
  });
});
