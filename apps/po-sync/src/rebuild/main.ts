// Rebuilds po-sync's Redis PO state from p2p.purchase-order.v1:  node apps/po-sync/dist/rebuild/main.js
// Stop po-sync first (or accept that events handled during the rebuild are folded in again by it).
import { AvroRegistryDecoder, canonicalRegistry, createKafka, prepareServiceTopics, readTopicToEnd } from '@procurelink/messaging';
import { kafkaClientOptions, runCommand, serviceRedis } from '@procurelink/service-host';
import { parsePoSyncConfig } from '../config/po-sync-config';
import { RedisPurchaseOrderStore } from '../purchase-order/infra/redis-purchase-order-store';
import { poSyncTopics } from '../po-sync.topics';
import { rebuildPurchaseOrders } from './rebuild-purchase-orders';

async function main(): Promise<void> {
  const config = parsePoSyncConfig(process.env);
  const topic = poSyncTopics(config.topicPrefix).canonical;
  const redis = serviceRedis(config, 'po-sync-rebuild');
  try {
    // A topic never written to rebuilds to an empty state.
    await prepareServiceTopics({ ...kafkaClientOptions(config, 'po-sync-rebuild'), topics: [topic], partitions: 3 });
    const kafka = createKafka(kafkaClientOptions(config, 'po-sync-rebuild'));
    const records = await readTopicToEnd(kafka, topic, 120_000);
    const report = await rebuildPurchaseOrders(records, new AvroRegistryDecoder(canonicalRegistry(config.schemaRegistryUrl, config.schemaRegistryAuth)), new RedisPurchaseOrderStore(redis, config.topicPrefix));
    process.stdout.write(
      `po-sync rebuild from ${topic}: ${report.records} records ${JSON.stringify(report.byEventType)}, ` +
        `${report.skipped.length} skipped, ${report.cleared} states cleared, ${report.purchaseOrders} purchase orders stored\n`,
    );
    for (const s of report.skipped) process.stdout.write(`  skipped partition ${s.partition} offset ${s.offset}: ${s.reason}\n`);
  } finally {
    await redis.quit();
  }
}

runCommand(main);
