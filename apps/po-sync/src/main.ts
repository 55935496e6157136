import { ConfigError, runService } from '@procurelink/service-host';
import { parsePoSyncConfig } from './config/po-sync-config';
import { PoSyncModule } from './po-sync.module';
import { ReferenceDataError } from './purchase-order/infra/load-reference-file';

function moduleOrExit() {
  try {
    return PoSyncModule.forRoot(parsePoSyncConfig(process.env));
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ReferenceDataError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

const poSync = moduleOrExit();
void runService({ name: 'po-sync', defaultPort: 3102, module: () => poSync });
