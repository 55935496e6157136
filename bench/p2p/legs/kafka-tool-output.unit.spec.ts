import { parseConsumerSummary, parseProducerSummary } from './kafka-tool-output.ts';

describe("parsing the Kafka tools' summaries", () => {
  it('reads rate, MB/s and latency percentiles from the last ProducerPerformance summary line', () => {
    const output = [
      '412345 records sent, 82469.0 records/sec (23.59 MB/sec), 101.2 ms avg latency, 480.0 ms max latency.',
      '1000000 records sent, 184661.3 records/sec (52.83 MB/sec), 410.52 ms avg latency, 2104.00 ms max latency, 236 ms 50th, 1500 ms 95th, 1709 ms 99th, 1974 ms 99.9th.',
    ].join('\n');
    expect(parseProducerSummary(output)).toEqual({
      records: 1_000_000,
      recordsPerSecond: 184661.3,
      mbPerSecond: 52.83,
      latency: { count: 1_000_000, p50: 236, p99: 1709, p999: 1974, max: 2104 },
    });
  });

  it('answers undefined when the producer printed no summary', () => {
    expect(parseProducerSummary('Exception in thread "main" org.apache.kafka.common.errors.TimeoutException')).toBeUndefined();
  });

  it('reads the fetch rate (without the group join) from the ConsumerPerformance data line', () => {
    const output = [
      'start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec',
      '2026-11-24 21:37:01:123, 2026-11-24 21:37:05:456, 286.1023, 66.03, 1000000, 230787.0, 2800, 1563, 183.0469, 639795.2655',
    ].join('\n');
    expect(parseConsumerSummary(output)).toEqual({ records: 1_000_000, recordsPerSecond: 639795.2655, mbPerSecond: 183.0469 });
  });
});
