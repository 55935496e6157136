import { CANONICAL_TOPICS } from '@procurelink/canonical-schemas';
import type { RetryTopology } from '@procurelink/messaging';

/** The services whose dead-letter topics ops browses (topic `<prefix>procurelink.<service>.dlt`). */
export const OBSERVED_SERVICES = ['supplier-sync', 'po-sync', 'invoice-sync', 'payment-status'] as const;

/** The topics ops reads, each with the optional test/environment prefix. */
export function opsTopics(prefix: string) {
  return {
    canonical: CANONICAL_TOPICS.map((entry) => `${prefix}${entry.topic}`),
    deadLetters: OBSERVED_SERVICES.map((service) => `${prefix}procurelink.${service}.dlt`),
    paymentAlerts: `${prefix}ops.payment-alert.v1`,
    group: `${prefix}procurelink.ops`,
  } as const;
}

export function opsTopology(prefix: string, delaysMs: readonly number[]): RetryTopology {
  const topics = opsTopics(prefix);
  return { group: topics.group, sourceTopics: [...topics.canonical, ...topics.deadLetters, topics.paymentAlerts], delaysMs };
}
