import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ErpConnectorModule } from '../erp-connector.module';
import { ERP_ENCUMBRANCE_PORT, type ErpEncumbrancePort } from '../ports';
import { HttpErpLedgerClient } from './http-erp-ledger-client';

/** An ERP on 127.0.0.1 that accepts any posting and any ledger read; it tracks its open connections. */
let server: Server;
let baseUrl: string;
const open = new Set<Socket>();

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume().on('end', () => {
      const body =
        request.method === 'GET'
          ? { entries: [], count: 0, truncated: false }
          : { sequence: 1, documentNumber: 'ENC-1', kind: 'ENCUMBRANCE', businessKey: 'PO-1:1:1', idempotencyKey: request.headers['idempotency-key'], acceptedAt: new Date().toISOString() };
      response.writeHead(request.method === 'GET' ? 200 : 201, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const closedWithin = async (ms: number): Promise<boolean> => {
  for (let waited = 0; waited < ms && open.size > 0; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
  return open.size === 0;
};

const encumbrance = { poNumber: 'PO-1', revision: 1, lineNumber: 1, glAccount: '6100', costCentre: 'CC-4100', facilityId: 'FAC-NORTH', amount: '10.00', currency: 'USD', direction: 'ENCUMBER' as const };

describe('the ERP clients at shutdown', () => {
  it('when the Nest application closes › the kept-alive connection of its ERP client is closed', async () => {
    @Module({ imports: [ErpConnectorModule.forRoot({ baseUrl, timeoutMs: 2_000 })] })
    class ServiceModule {}
    const app = await NestFactory.createApplicationContext(ServiceModule, { logger: false });
    await app.get<ErpEncumbrancePort>(ERP_ENCUMBRANCE_PORT).postEncumbrance(encumbrance, 'key-1');
    expect(open.size).toBe(1);
    await app.close();
    expect(await closedWithin(1_000)).toBe(true);
  });

  it('when the ledger client is closed › its kept-alive connection is closed, and closing again is harmless', async () => {
    const ledger = new HttpErpLedgerClient({ baseUrl, timeoutMs: 2_000 });
    await ledger.ledgerPage({});
    expect(open.size).toBe(1);
    ledger.close();
    ledger.close();
    expect(await closedWithin(1_000)).toBe(true);
  });
});
