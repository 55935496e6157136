import { ConfigError, runService } from '@procurelink/service-host';
import { parseSupplierSyncConfig } from './config/supplier-sync-config';
import { SupplierSyncModule } from './supplier-sync.module';

function moduleOrExit() {
  try {
    const config = parseSupplierSyncConfig(process.env);
    if (config.usesDevTokenSecret) process.stderr.write('supplier-sync: SUPPLIER_TOKEN_SECRET is not set; using the DEV-ONLY token secret (never in production)\n');
    return SupplierSyncModule.forRoot(config);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

const module = moduleOrExit();
void runService({ name: 'supplier-sync', defaultPort: 3101, module: () => module });
