// Rebuilds payment-status's Redis state from the canonical topics:
//   node apps/payment-status/dist/rebuild/main.js
// Stop the service first (its live writes would race the rebuild).
import { redisClientOptions, runCommand } from '@procurelink/service-host';
import { Redis } from 'ioredis';
import { parsePaymentStatusConfig } from '../config/payment-status-config';
import { rebuildState } from './rebuild-state';

async function main(): Promise<void> {
  const config = parsePaymentStatusConfig(process.env);
  const redis = new Redis(config.redisUrl, { ...redisClientOptions(config), maxRetriesPerRequest: 2 });
  try {
    const counts = await rebuildState(config, redis);
    process.stdout.write(`${JSON.stringify({ rebuilt: 'payment-status', ...counts })}\n`);
  } finally {
    await redis.quit();
  }
}

runCommand(main);
