// Rebuilds po-sync's Redis PO state from p2p.purchase-order.v1:  node apps/po-sync/dist/rebuild/main.js
// Stop po-sync first (or accept that events handled during the rebuild are folded in again by it).
import { AvroRegistryDecoder, canonicalRegistry, createKafka, ensureTopics, readTopicToEnd } from '@procurelink/messaging';
import { ConfigError } from '@procurelink/service-host';
import { Redis } from 'ioredis';
import { parsePoSyncConfig } from '../config/po-sync-config';
import { RedisPurchaseOrderStore } from '../purchase-order/infra/redis-purchase-order-store';
import { poSyncTopics } from '../po-sync.topics';
import { rebuildPurchaseOrders } from './rebuild-purchase-orders';

async function main(): Promise<void> {
  const config = parsePoSyncConfig(process.env);
  const topic = poSyncTopics(config.topicPrefix).canonical;
  const redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, connectionName: 'po-sync-rebuild' });
  try {
    const kafka = createKafka({ clientId: 'po-sync-rebuild', brokers: config.kafkaBrokers });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await ensureTopics(admin, [topic], 3); // a topic never written to rebuilds to an empty state
    } finally {
      await admin.disconnect();
    }
    const records = await readTopicToEnd(kafka, topic, 120_000);
    const report = await rebuildPurchaseOrders(records, new AvroRegistryDecoder(canonicalRegistry(config.schemaRegistryUrl)), new RedisPurchaseOrderStore(redis, config.topicPrefix));
    process.stdout.write(
      `po-sync rebuild from ${topic}: ${report.records} records ${JSON.stringify(report.byEventType)}, ` +
        `${report.skipped.length} skipped, ${report.cleared} states cleared, ${report.purchaseOrders} purchase orders stored\n`,
    );
    for (const s of report.skipped) process.stdout.write(`  skipped partition ${s.partition} offset ${s.offset}: ${s.reason}\n`);
  } finally {
    await redis.quit();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 78 : 1);
});
