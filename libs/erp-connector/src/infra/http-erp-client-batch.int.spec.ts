import { createServer, request as forward, type Server } from 'node:http';
import { startErpSandbox, type ErpSandboxHandle } from '@procurelink/test-support';
import { erpRequests } from './erp-requests.fixture.spec';
import { HttpErpClient } from './http-erp-client';

const { unique, vendor, encumbrance } = erpRequests('B');

/** An HTTP relay in front of the sandbox that counts what the client sends and can play an ERP without the batch endpoint. */
interface Relay {
  readonly baseUrl: string;
  readonly seen: string[];
  refuseBatch: boolean;
  close(): Promise<void>;
}

async function startRelay(target: string): Promise<Relay> {
  const upstream = new URL(target);
  const relay = { seen: [] as string[], refuseBatch: false };
  const server: Server = createServer((incoming, outgoing) => {
    relay.seen.push(`${incoming.method} ${incoming.url}`);
    if (relay.refuseBatch && incoming.url === '/erp/v1/batch') {
      outgoing.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"NOT_FOUND","message":"no such route"}');
      return;
    }
    const onward = forward({ host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    incoming.pipe(onward);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as { port: number };
  return Object.assign(relay, {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  });
}

describe('HttpErpClient batching writes into POST /erp/v1/batch', () => {
  let sandbox: ErpSandboxHandle;
  let relay: Relay;

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    relay = await startRelay(sandbox.baseUrl);
  }, 60_000);
  beforeEach(() => {
    relay.seen.length = 0;
    relay.refuseBatch = false;
  });
  afterEach(async () => sandbox?.clearFaults());
  afterAll(async () => {
    await relay?.close();
    await sandbox?.stop();
  }, 15_000);

  const client = (maxItems: number): HttpErpClient => new HttpErpClient({ baseUrl: relay.baseUrl, timeoutMs: 2_000, batch: { maxItems, lingerMs: 0 } });

  it('when 60 writes are made in one turn › they go as 3 batch requests of at most 25, and each write gets its own posting', async () => {
    const shared = client(25);
    const more = Array.from({ length: 60 }, () => encumbrance());
    const answered = await Promise.all(more.map((request) => shared.postEncumbrance(request, `${request.poNumber}/ENCUMBER`)));
    expect(relay.seen).toEqual(['POST /erp/v1/batch', 'POST /erp/v1/batch', 'POST /erp/v1/batch']);
    expect(answered.map((posting) => posting.idempotencyKey)).toEqual(more.map((request) => `${request.poNumber}/ENCUMBER`));
    expect(new Set(answered.map((posting) => posting.documentNumber)).size).toBe(60);
    for (const request of more.slice(0, 5)) {
      expect(await sandbox.ledger({ subjectId: request.poNumber })).toHaveLength(1);
    }
  });

  it('when one write of a batch breaks the contract › only that write fails (INVALID_INPUT); the others post', async () => {
    const shared = client(10);
    const good = encumbrance();
    const bad = encumbrance('12.345678'); // more than 4 decimal places
    const supplier = vendor();
    const outcomes = await Promise.allSettled([
      shared.postEncumbrance(good, unique('key')),
      shared.postEncumbrance(bad, unique('key')),
      shared.upsertVendor(supplier, unique('key')),
    ]);
    expect(relay.seen).toEqual(['POST /erp/v1/batch']);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'INVALID_INPUT', retriable: false });
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toContain('amount');
    expect(await sandbox.ledger({ subjectId: bad.poNumber })).toEqual([]);
    expect(await sandbox.ledger({ subjectId: supplier.supplierId })).toHaveLength(1);
  });

  it('when the ERP fails one capability › those writes are TARGET_UNAVAILABLE, the rest of the batch posts, and the retry posts once', async () => {
    await sandbox.setFault({ mode: 'fail', capability: 'encumbrances', status: 503 });
    const shared = client(10);
    const request = encumbrance();
    const key = unique('key');
    const supplier = vendor();
    const [encumbered, upserted] = await Promise.allSettled([shared.postEncumbrance(request, key), shared.upsertVendor(supplier, unique('key'))]);
    expect(encumbered).toMatchObject({ status: 'rejected', reason: { code: 'TARGET_UNAVAILABLE', retriable: true } });
    expect(upserted.status).toBe('fulfilled');
    expect(await sandbox.ledger({ subjectId: request.poNumber })).toEqual([]);

    await sandbox.clearFaults();
    const [first, again] = await Promise.all([shared.postEncumbrance(request, key), shared.postEncumbrance(request, key)]);
    expect([first.replayed, again.replayed]).toEqual([false, true]);
    expect(again.documentNumber).toBe(first.documentNumber);
    expect(await sandbox.ledger({ subjectId: request.poNumber })).toHaveLength(1);
  });

  it('when the ERP has no batch endpoint (404) › the writes go one by one from then on, and all post', async () => {
    relay.refuseBatch = true;
    const shared = client(10);
    const first = Array.from({ length: 3 }, () => encumbrance());
    await Promise.all(first.map((request) => shared.postEncumbrance(request, unique('key'))));
    const second = encumbrance();
    await shared.postEncumbrance(second, unique('key'));
    expect(relay.seen).toEqual(['POST /erp/v1/batch', ...Array(4).fill('POST /erp/v1/encumbrances')]);
    for (const request of [...first, second]) expect(await sandbox.ledger({ subjectId: request.poNumber })).toHaveLength(1);
  });

  it('after the ERP refused the batch path › singly for ten minutes, then batched again once it has the endpoint', async () => {
    relay.refuseBatch = true;
    let now = 1_000_000;
    const shared = new HttpErpClient({ baseUrl: relay.baseUrl, timeoutMs: 5_000, batch: { maxItems: 10, lingerMs: 0 }, clock: () => now });
    try {
      const post = (n: number) => Promise.all(Array.from({ length: n }, () => shared.postEncumbrance(encumbrance(), unique('key'))));
      await post(2); // refused: both sent singly
      relay.refuseBatch = false; // the ERP adapter is upgraded
      now += 10 * 60_000 - 1;
      await post(2); // still within ten minutes: singly
      now += 1;
      await post(3); // tried again: one batch
      expect(relay.seen).toEqual(['POST /erp/v1/batch', ...Array(4).fill('POST /erp/v1/encumbrances'), 'POST /erp/v1/batch']);
    } finally {
      shared.close();
    }
  });
});
