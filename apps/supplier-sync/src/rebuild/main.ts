// Rebuilds supplier-sync's Redis supplier masters from p2p.supplier.v1:  node apps/supplier-sync/dist/rebuild/main.js
// Stop supplier-sync first (or accept that records handled during the rebuild are folded in again by it).
import { AvroRegistryDecoder, canonicalRegistry, createKafka, prepareServiceTopics, readTopicToEnd } from '@procurelink/messaging';
import { kafkaClientOptions, runCommand, serviceRedis } from '@procurelink/service-host';
import { parseSupplierSyncConfig } from '../config/supplier-sync-config';
import { RedisSupplierStore } from '../supplier-changed/infra/redis-supplier-store';
import { supplierSyncTopics } from '../supplier-sync.topics';
import { rebuildSuppliers } from './rebuild-suppliers';

async function main(): Promise<void> {
  const config = parseSupplierSyncConfig(process.env);
  const topic = supplierSyncTopics(config.topicPrefix).canonical;
  const redis = serviceRedis(config, 'supplier-sync-rebuild');
  try {
    await prepareServiceTopics({ ...kafkaClientOptions(config, 'supplier-sync-rebuild'), topics: [topic], partitions: 3 });
    const kafka = createKafka(kafkaClientOptions(config, 'supplier-sync-rebuild'));
    const records = await readTopicToEnd(kafka, topic, 120_000);
    const report = await rebuildSuppliers(records, new AvroRegistryDecoder(canonicalRegistry(config.schemaRegistryUrl, config.schemaRegistryAuth)), new RedisSupplierStore(redis, config.topicPrefix));
    process.stdout.write(
      `supplier-sync rebuild from ${topic}: ${report.records} records ${JSON.stringify(report.byEventType)}, ${report.skipped.length} skipped, ` +
        `${report.cleared} keys cleared, ${report.suppliers} suppliers stored (${report.onHold} on payment hold)\n`,
    );
    for (const s of report.skipped) process.stdout.write(`  skipped partition ${s.partition} offset ${s.offset}: ${s.reason}\n`);
  } finally {
    await redis.quit();
  }
}

runCommand(main);
