import { configOrExit, runService } from '@procurelink/service-host';
import { configureSystemApi } from '@procurelink/system-api';
import { parseInvoiceSyncConfig } from './config/invoice-sync-config';
import { InvoiceSyncModule } from './invoice-sync.module';

const config = configOrExit(() => parseInvoiceSyncConfig(process.env));
// Built before runService (not named `module`: in CommonJS output that shadows the wrapper's `module` and Node re-parses the file as ESM).
const serviceModule = InvoiceSyncModule.forRoot(config);
void runService({
  name: 'invoice-sync',
  defaultPort: 3103,
  bodyParser: false, // the system API installs its own JSON parser (limit, 413/415/400 problems)
  configure: (app) => configureSystemApi(app, { bodyLimitBytes: config.api.bodyLimitBytes }),
  module: () => serviceModule,
});
