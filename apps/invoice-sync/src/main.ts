import { runService } from '@procurelink/service-host';
import { InvoiceSyncModule } from './invoice-sync.module';

void runService({ name: 'invoice-sync', defaultPort: 3103, module: () => InvoiceSyncModule });
