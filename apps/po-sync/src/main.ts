import { ConfigError, runService } from '@procurelink/service-host';
import { configureSystemApi } from '@procurelink/system-api';
import { parsePoSyncConfig } from './config/po-sync-config';
import { PoSyncModule } from './po-sync.module';
import { ReferenceDataError } from './purchase-order/infra/load-reference-file';

function configOrExit() {
  try {
    const config = parsePoSyncConfig(process.env);
    return { config, module: PoSyncModule.forRoot(config) };
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ReferenceDataError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
}

const poSync = configOrExit();
void runService({
  name: 'po-sync',
  defaultPort: 3102,
  bodyParser: false, // the system API installs its own JSON parser (limit, 413/415/400 problems)
  configure: (app) => configureSystemApi(app, { bodyLimitBytes: poSync.config.api.bodyLimitBytes }),
  module: () => poSync.module,
});
