import { HEADERS } from '../headers/header-names';
import type { DecodedValue, RecordDecoder } from '../ports/decoder';
import type { InboundRecord } from '../ports/records';
import { TopicRoutedDecoder } from './topic-routed-decoder';

const named = (name: string): RecordDecoder => ({ decode: (): DecodedValue => ({ eventType: name, value: null, eventId: undefined }) });

const record = (topic: string, headers: Record<string, string> = {}): InboundRecord => ({
  topic,
  partition: 0,
  offset: '0',
  timestamp: '0',
  key: null,
  value: Buffer.from('{}'),
  headers,
});

describe('TopicRoutedDecoder', () => {
  const decoder = new TopicRoutedDecoder({ 'source.a': named('A'), 'p2p.b': named('B') });

  it('decodes each topic with the decoder declared for it', () => {
    expect(decoder.decode(record('source.a'))).toMatchObject({ eventType: 'A' });
    expect(decoder.decode(record('p2p.b'))).toMatchObject({ eventType: 'B' });
  });

  it('decodes a record from a retry topic as it decoded on its original topic', () => {
    expect(decoder.decode(record('group.retry.1', { [HEADERS.originalTopic]: 'p2p.b' }))).toMatchObject({ eventType: 'B' });
  });

  it('refuses a topic with no declared decoder as NO_HANDLER, not retriable', () => {
    expect(() => decoder.decode(record('toString'))).toThrow(expect.objectContaining({ code: 'NO_HANDLER', retriable: false }));
  });
});
