import { ACK, type HandlerMap } from '../handler/handler';
import { JsonDecoder } from '../infra/json-decoder';
import type { InboundRecord, OutboundRecord, ProducerPort } from '../ports/records';
import { useInMemoryTracing } from '../tracing/in-memory-tracing.fixture.spec';
import { BatchProcessor } from './batch-processor';

const TOPIC = 'source.po.v1';

describe('what a handler publishes carries the trace of its process span', () => {
  const exporter = useInMemoryTracing();

  async function publishThrough(port: Omit<ProducerPort, 'send'>): Promise<{ sent: OutboundRecord[]; processSpanId: string | undefined }> {
    exporter.reset();
    const sent: OutboundRecord[] = [];
    const producer: ProducerPort = { ...port, send: async (records) => void sent.push(...records) };
    const handlers: HandlerMap = {
      PoChanged: async (event) => {
        await event.publish([{ topic: 'p2p.po.v1', key: 'PO-1', value: 'out', headers: { 'procurelink.event-id': 'e1' } }]);
        return ACK;
      },
    };
    const processor = new BatchProcessor({ topology: { group: 'g', sourceTopics: [TOPIC], delaysMs: [1000] }, decoder: new JsonDecoder({ [TOPIC]: 'PoChanged' }), handlers, producer, concurrency: 1 });
    const record: InboundRecord = { topic: TOPIC, partition: 0, offset: '0', timestamp: '0', key: Buffer.from('PO-1'), value: Buffer.from('{"po":"PO-1"}'), headers: {} };
    expect(await processor.process([record])).toMatchObject({ acked: 1 });
    const processSpanId = exporter.getFinishedSpans().find((s) => s.name === `process ${TOPIC}`)?.spanContext().spanId;
    return { sent, processSpanId };
  }

  it('through a port that does not trace › the process span context is injected into the record', async () => {
    const { sent, processSpanId } = await publishThrough({});
    expect(processSpanId).toBeDefined();
    expect(sent[0]?.headers?.['traceparent']?.split('-')[2]).toBe(processSpanId);
    expect(sent[0]?.headers?.['procurelink.event-id']).toBe('e1');
  });

  it('through a port that starts its own PRODUCER spans › the record is handed over as published, injected once by the port', async () => {
    const { sent } = await publishThrough({ tracesRecords: true });
    expect(sent[0]?.headers).toEqual({ 'procurelink.event-id': 'e1' });
  });
});
