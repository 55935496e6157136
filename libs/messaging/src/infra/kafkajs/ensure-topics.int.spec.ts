import { stackEndpoints } from '@procurelink/test-support';
import { createKafka } from './create-client';
import { ensureTopics } from './ensure-topics';

describe('ensureTopics', () => {
  const kafka = createKafka({ clientId: 'ensure-topics-int', brokers: stackEndpoints().kafkaBrokers });
  const topics = Array.from({ length: 6 }, (_, i) => `int.ensure.${Date.now()}.${i}`);

  afterAll(async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics }).catch(() => undefined);
    await admin.disconnect();
  });

  it('when four services start at once and race to create the same topics › every one succeeds and every topic has a leader', async () => {
    const admins = Array.from({ length: 4 }, () => kafka.admin());
    await Promise.all(admins.map((admin) => admin.connect()));
    try {
      const created = await Promise.all(admins.map((admin) => ensureTopics(admin, topics, 3)));
      expect(created.every((list) => list.every((topic) => topics.includes(topic)))).toBe(true);
      const { topics: metadata } = await admins[0]!.fetchTopicMetadata({ topics });
      expect(metadata.map((t) => t.partitions.filter((p) => p.leader >= 0).length)).toEqual(topics.map(() => 3));
    } finally {
      await Promise.all(admins.map((admin) => admin.disconnect()));
    }
  });
});
