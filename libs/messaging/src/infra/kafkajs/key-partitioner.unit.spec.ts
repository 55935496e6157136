import fc from 'fast-check';
import { Partitioners, type PartitionMetadata } from 'kafkajs';
import { keyPartitioner, murmur2 } from './key-partitioner';

const partitions = (n: number, leaderless: readonly number[] = []): PartitionMetadata[] =>
  Array.from({ length: n }, (_, partitionId) => ({ partitionId, leader: leaderless.includes(partitionId) ? -1 : 0, partitionErrorCode: 0, replicas: [0], isr: [0] }));

describe('keyPartitioner', () => {
  it('Kafka murmur2 reference values (the Java client’s Utils.murmur2 test vectors)', () => {
    // org.apache.kafka.common.utils.UtilsTest#testMurmur2
    const cases: Array<[string, number]> = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [key, hash] of cases) expect({ key, hash: murmur2(key) }).toEqual({ key, hash });
  });

  it('places every keyed record on the partition kafkajs’s DefaultPartitioner would (strings, UTF-8, bytes; 1–64 partitions)', () => {
    const theirs = Partitioners.DefaultPartitioner();
    const ours = keyPartitioner();
    const keyArb = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.uint8Array({ maxLength: 33 }).map((b) => Buffer.from(b)));
    fc.assert(
      fc.property(keyArb, fc.integer({ min: 1, max: 64 }), (key, n) => {
        const args = { topic: 't', partitionMetadata: partitions(n), message: { key, value: null } };
        expect(ours(args)).toBe(theirs(args));
      }),
      { numRuns: 5000 },
    );
  });

  it('an explicit partition wins; records without a key go round-robin over the partitions that have a leader', () => {
    const ours = keyPartitioner();
    expect(ours({ topic: 't', partitionMetadata: partitions(6), message: { key: 'PO-1', partition: 4, value: null } })).toBe(4);
    const picked = Array.from({ length: 30 }, () => ours({ topic: 't', partitionMetadata: partitions(4, [1]), message: { key: null, value: null } }));
    expect(new Set(picked)).toEqual(new Set([0, 2, 3]));
    expect(picked.filter((p) => p === 0)).toHaveLength(10);
  });
});
