// Rebuilds payment-status's Redis state from the canonical topics:
//   node apps/payment-status/dist/rebuild/main.js
// Stop the service first (its live writes would race the rebuild).
import { runCommand, serviceRedis } from '@procurelink/service-host';
import { parsePaymentStatusConfig } from '../config/payment-status-config';
import { rebuildState } from './rebuild-state';

async function main(): Promise<void> {
  const config = parsePaymentStatusConfig(process.env);
  const redis = serviceRedis(config, 'payment-status-rebuild');
  try {
    const counts = await rebuildState(config, redis);
    process.stdout.write(`${JSON.stringify({ rebuilt: 'payment-status', ...counts })}\n`);
  } finally {
    await redis.quit();
  }
}

runCommand(main);
