import { ConfigError, runService } from '@procurelink/service-host';
import { configureSystemApi } from '@procurelink/system-api';
import { parseInvoiceSyncConfig, type InvoiceSyncConfig } from './config/invoice-sync-config';
import { InvoiceSyncModule } from './invoice-sync.module';

let config: InvoiceSyncConfig;
try {
  config = parseInvoiceSyncConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78);
}

// Built before runService (not named `module`: in CommonJS output that shadows the wrapper's `module` and Node re-parses the file as ESM).
const serviceModule = InvoiceSyncModule.forRoot(config);
void runService({
  name: 'invoice-sync',
  defaultPort: 3103,
  bodyParser: false, // the system API installs its own JSON parser (limit, 413/415/400 problems)
  configure: (app) => configureSystemApi(app, { bodyLimitBytes: config.api.bodyLimitBytes }),
  module: () => serviceModule,
});
