import { ConfigError, runService } from '@procurelink/service-host';
import { parseErpSandboxConfig, type ErpSandboxConfig } from './config/erp-sandbox-config';
import { ErpSandboxModule } from './erp-sandbox.module';
import { installBodyParsers } from './http/body-parsing';

let config: ErpSandboxConfig;
try {
  config = parseErpSandboxConfig(process.env, Date.now());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78);
}

void runService({ name: 'erp-sandbox', defaultPort: 3190, module: () => ErpSandboxModule.forConfig(config), configure: installBodyParsers });
