import { ConfigError, runService } from '@procurelink/service-host';
import { configureSystemApi } from '@procurelink/system-api';
import { parseSupplierSyncConfig } from './config/supplier-sync-config';
import { SupplierSyncModule } from './supplier-sync.module';

function configOrExit() {
  try {
    const config = parseSupplierSyncConfig(process.env);
    if (config.usesDevTokenSecret) process.stderr.write('supplier-sync: SUPPLIER_TOKEN_SECRET is not set; using the DEV-ONLY token secret (never in production)\n');
    return { config, module: SupplierSyncModule.forRoot(config) };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

const supplierSync = configOrExit();
void runService({
  name: 'supplier-sync',
  defaultPort: 3101,
  bodyParser: false, // the system API installs its own JSON parser (limit, 413/415/400 problems)
  configure: (app) => configureSystemApi(app, { bodyLimitBytes: supplierSync.config.api.bodyLimitBytes }),
  module: () => supplierSync.module,
});
