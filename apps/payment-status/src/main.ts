import { runService } from '@procurelink/service-host';
import { PaymentStatusModule } from './payment-status.module';

void runService({ name: 'payment-status', defaultPort: 3104, module: () => PaymentStatusModule });
