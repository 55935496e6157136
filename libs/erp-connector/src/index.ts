export * from './ports';
export { ErpConnectorModule } from './erp-connector.module';
export { HttpErpClient, type ErpBatchOptions, type HttpErpClientOptions } from './infra/http-erp-client';
export type { ErpCapability } from './infra/erp-call';
export * from './ledger-port';
export { HttpErpLedgerClient } from './infra/http-erp-ledger-client';
