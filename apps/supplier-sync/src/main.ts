import { runService } from '@procurelink/service-host';
import { SupplierSyncModule } from './supplier-sync.module';

void runService({ name: 'supplier-sync', defaultPort: 3101, module: () => SupplierSyncModule });
