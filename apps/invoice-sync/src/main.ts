import { ConfigError, runService } from '@procurelink/service-host';
import { parseInvoiceSyncConfig } from './config/invoice-sync-config';
import { InvoiceSyncModule } from './invoice-sync.module';

function moduleOrExit() {
  try {
    return InvoiceSyncModule.forRoot(parseInvoiceSyncConfig(process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

// Not named `module`: in CommonJS output that shadows the wrapper's `module` and Node re-parses the file as ESM.
const serviceModule = moduleOrExit();
void runService({ name: 'invoice-sync', defaultPort: 3103, module: () => serviceModule });
