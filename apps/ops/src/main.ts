import { configOrExit, runService } from '@procurelink/service-host';
import { configureSystemApi } from '@procurelink/system-api';
import { parseOpsConfig } from './config/ops-config';
import { opsApplication } from './ops-app';

const ops = configOrExit(() => {
  const config = parseOpsConfig(process.env);
  return { config, module: opsApplication(config) };
});
void runService({
  name: 'ops',
  defaultPort: 3105,
  bodyParser: false, // the system API installs its own JSON parser (limit, 413/415/400 problems)
  configure: (app) => configureSystemApi(app, { bodyLimitBytes: ops.config.api.bodyLimitBytes }),
  module: () => ops.module,
});
