import { serviceTopicNames } from './prepare-service-topics';

describe('serviceTopicNames', () => {
  it('with a retry topology › lists the service topics, then each retry level, then the dead-letter topic', () => {
    const topology = { group: 't1.procurelink.po-sync', sourceTopics: ['t1.source.a'], delaysMs: [500, 1000] };
    expect(serviceTopicNames(['t1.source.a', 't1.p2p.x'], topology)).toEqual([
      't1.source.a',
      't1.p2p.x',
      't1.procurelink.po-sync.retry.1',
      't1.procurelink.po-sync.retry.2',
      't1.procurelink.po-sync.dlt',
    ]);
  });

  it('without a topology › lists only the service topics', () => {
    expect(serviceTopicNames(['a', 'b'])).toEqual(['a', 'b']);
  });
});
