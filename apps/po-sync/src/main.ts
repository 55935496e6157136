import { runService } from '@procurelink/service-host';
import { PoSyncModule } from './po-sync.module';

void runService({ name: 'po-sync', defaultPort: 3102, module: () => PoSyncModule });
