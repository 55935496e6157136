import { configOrExit, runService } from '@procurelink/service-host';
import { configureSystemApi } from '@procurelink/system-api';
import { parseSupplierSyncConfig } from './config/supplier-sync-config';
import { SupplierSyncModule } from './supplier-sync.module';

const supplierSync = configOrExit(() => {
  const config = parseSupplierSyncConfig(process.env);
  if (config.usesDevTokenSecret) process.stderr.write('supplier-sync: SUPPLIER_TOKEN_SECRET is not set; using the DEV-ONLY token secret (never in production)\n');
  return { config, module: SupplierSyncModule.forRoot(config) };
});
void runService({
  name: 'supplier-sync',
  defaultPort: 3101,
  bodyParser: false, // the system API installs its own JSON parser (limit, 413/415/400 problems)
  configure: (app) => configureSystemApi(app, { bodyLimitBytes: supplierSync.config.api.bodyLimitBytes }),
  module: () => supplierSync.module,
});
