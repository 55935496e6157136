import { configOrExit, runService } from '@procurelink/service-host';
import { configureSystemApi } from '@procurelink/system-api';
import { parsePoSyncConfig } from './config/po-sync-config';
import { PoSyncModule } from './po-sync.module';
import { ReferenceDataError } from './purchase-order/infra/load-reference-file';

const poSync = configOrExit(() => {
  const config = parsePoSyncConfig(process.env);
  return { config, module: PoSyncModule.forRoot(config) };
}, [ReferenceDataError]);
void runService({
  name: 'po-sync',
  defaultPort: 3102,
  bodyParser: false, // the system API installs its own JSON parser (limit, 413/415/400 problems)
  configure: (app) => configureSystemApi(app, { bodyLimitBytes: poSync.config.api.bodyLimitBytes }),
  module: () => poSync.module,
});
