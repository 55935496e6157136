import { ConfigError, runService } from '@procurelink/service-host';
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

void runService({ name: 'payment-status', defaultPort: 3104, module: () => PaymentStatusModule.forRoot(config) });
