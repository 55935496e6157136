import { Module, type DynamicModule } from '@nestjs/common';
import { HttpErpClient, type HttpErpClientOptions } from './infra/http-erp-client';
import { ERP_AP_INVOICE_PORT, ERP_ENCUMBRANCE_PORT, ERP_PAYMENT_STATUS_PORT, ERP_VENDOR_PORT } from './ports';

const PORTS = [ERP_VENDOR_PORT, ERP_ENCUMBRANCE_PORT, ERP_AP_INVOICE_PORT, ERP_PAYMENT_STATUS_PORT];

/** The four ERP ports, all served by one HttpErpClient. Import it in the module that needs them. */
@Module({})
export class ErpConnectorModule {
  static forRoot(options: HttpErpClientOptions): DynamicModule {
    return {
      module: ErpConnectorModule,
      global: false,
      providers: [
        { provide: HttpErpClient, useFactory: () => new HttpErpClient(options) },
        ...PORTS.map((token) => ({ provide: token, useExisting: HttpErpClient })),
      ],
      exports: PORTS,
    };
  }
}
