import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ErpConnectorModule } from './erp-connector.module';
import { HttpErpClient } from './infra/http-erp-client';
import { ERP_AP_INVOICE_PORT, ERP_ENCUMBRANCE_PORT, ERP_PAYMENT_STATUS_PORT, ERP_VENDOR_PORT } from './ports';

describe('ErpConnectorModule', () => {
  it('when imported with forRoot › serves the four ERP ports from one HttpErpClient', async () => {
    @Module({ imports: [ErpConnectorModule.forRoot({ baseUrl: 'http://127.0.0.1:3190', timeoutMs: 5_000 })] })
    class ServiceModule {}
    const app = await NestFactory.createApplicationContext(ServiceModule, { logger: false });
    try {
      const ports = [ERP_VENDOR_PORT, ERP_ENCUMBRANCE_PORT, ERP_AP_INVOICE_PORT, ERP_PAYMENT_STATUS_PORT].map((token) => app.get(token));
      expect(ports[0]).toBeInstanceOf(HttpErpClient);
      expect(new Set(ports).size).toBe(1);
    } finally {
      await app.close();
    }
  });

  it('when the options are wrong › says which one to fix', () => {
    expect(() => new HttpErpClient({ baseUrl: 'ftp://erp', timeoutMs: 1_000 })).toThrow('baseUrl must be an http(s) URL');
    expect(() => new HttpErpClient({ baseUrl: 'http://erp', timeoutMs: 0 })).toThrow('timeoutMs must be a whole number');
  });
});
