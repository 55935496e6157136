import { runCommand } from '@procurelink/service-host';
import { parseInvoiceSyncConfig } from '../config/invoice-sync-config';
import { rebuildInvoiceSyncState } from './rebuild-invoice-sync';

/**
 * `node apps/invoice-sync/dist/rebuild/main.js` — rebuilds invoice-sync's Redis state from the
 * canonical topics (same environment variables as the service; run it with the service stopped)
 * and prints the counts as JSON.
 */
runCommand(async () => {
  const report = await rebuildInvoiceSyncState(parseInvoiceSyncConfig(process.env));
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
});
