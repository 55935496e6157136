import { configOrExit, runService } from '@procurelink/service-host';
import { configureSystemApi } from '@procurelink/system-api';
import { parsePaymentStatusConfig } from './config/payment-status-config';
import { PaymentStatusModule } from './payment-status.module';

const config = configOrExit(() => parsePaymentStatusConfig(process.env));
void runService({
  name: 'payment-status',
  defaultPort: 3104,
  bodyParser: false, // the system API installs its own JSON parser (limit, 413/415/400 problems)
  configure: (app) => configureSystemApi(app, { bodyLimitBytes: config.api.bodyLimitBytes }),
  module: () => PaymentStatusModule.forRoot(config),
});
