// supplier-sync's governed HTTP system API: the controllers and their route docs (OpenAPI).
import { SUPPLIER_RECORD_ROUTES } from './supplier-records.routes';
import { SUPPLIER_ROUTES } from './suppliers.routes';

export { SupplierRecordsController } from './supplier-records.controller';
export { SuppliersController } from './suppliers.controller';

export const SUPPLIER_SYNC_ROUTES = [...SUPPLIER_RECORD_ROUTES, ...SUPPLIER_ROUTES];
