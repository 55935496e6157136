import type { Admin } from 'kafkajs';

const TRANSIENT = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'TOPIC_ALREADY_EXISTS', 'NOT_CONTROLLER', 'REQUEST_TIMED_OUT']);

function isTransient(error: unknown): boolean {
  const { type, errors } = error as { type?: string; errors?: unknown[] };
  if (type !== undefined && TRANSIENT.has(type)) return true;
  return Array.isArray(errors) && errors.length > 0 && errors.every(isTransient);
}

async function allHaveLeaders(admin: Admin, topics: readonly string[]): Promise<boolean> {
  try {
    const { topics: metadata } = await admin.fetchTopicMetadata({ topics: [...topics] });
    return metadata.length === topics.length && metadata.every((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0));
  } catch (error) {
    if (isTransient(error)) return false;
    throw error;
  }
}

/**
 * Creates the topics that do not exist yet (existing ones are left as they are) and waits until
 * every one has a leader. Safe when several services start at once and race to create the same
 * topics: "already exists" and "not hosted yet" are waited out, within the deadline.
 */
export async function ensureTopics(admin: Admin, topics: readonly string[], numPartitions: number, deadlineMs = 30_000): Promise<string[]> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((topic) => !existing.has(topic));
  if (missing.length > 0) {
    try {
      await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions })), waitForLeaders: false });
    } catch (error) {
      if (!isTransient(error)) throw error;
    }
  }
  const deadline = Date.now() + deadlineMs;
  for (let pause = 50; !(await allHaveLeaders(admin, topics)); pause = Math.min(pause * 2, 1000)) {
    if (Date.now() > deadline) throw new Error(`topics without a leader after ${deadlineMs} ms: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
  return missing;
}
