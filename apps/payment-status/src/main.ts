import { ConfigError, runService } from '@procurelink/service-host';
import { configureSystemApi } from '@procurelink/system-api';
import { parsePaymentStatusConfig, type PaymentStatusConfig } from './config/payment-status-config';
import { PaymentStatusModule } from './payment-status.module';

let config: PaymentStatusConfig;
try {
  config = parsePaymentStatusConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78);
}

void runService({
  name: 'payment-status',
  defaultPort: 3104,
  bodyParser: false, // the system API installs its own JSON parser (limit, 413/415/400 problems)
  configure: (app) => configureSystemApi(app, { bodyLimitBytes: config.api.bodyLimitBytes }),
  module: () => PaymentStatusModule.forRoot(config),
});
