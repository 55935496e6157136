/**
 * Where po-sync's CPU per event goes, measured in one process without the machine's noise:
 *   1. the flow itself (parse, validate, map, decide, encode the canonical Avro event), with the
 *      state and the ERP answered from memory — what the service's own code costs;
 *   2. one ERP call through the real HttpErpClient to a running ERP sandbox (client-side CPU);
 *   3. one Redis round trip (HMGET) through ioredis (client-side CPU).
 * Usage (after `npm run build`): node bench/flow-cost.ts [--events 20000] [--erp http://127.0.0.1:3190]
 */
import { Agent, request as httpRequest } from 'node:http';
import { parseArgs } from 'node:util';
import { CanonicalCodec } from '@procurelink/canonical-schemas';
import { HttpErpClient } from '@procurelink/erp-connector';
import { Redis } from 'ioredis';
import { endpoints, root, startNode } from './p2p/infra.ts';
import { poRecordJson } from './p2p/legs/source-records.ts';

const { values } = parseArgs({ options: { events: { type: 'string', default: '20000' }, erp: { type: 'string' } } });
const N = Number(values.events);
const stack = endpoints();

// The app's compiled modules (CommonJS) — the same code `node apps/po-sync/dist/main.js` runs.
const { PurchaseOrderFlow } = (await import(`${root}/apps/po-sync/dist/purchase-order/purchase-order-flow.js`)) as typeof import('../apps/po-sync/src/purchase-order/purchase-order-flow.ts');
const { loadReferenceFile } = (await import(`${root}/apps/po-sync/dist/purchase-order/infra/load-reference-file.js`)) as typeof import('../apps/po-sync/src/purchase-order/infra/load-reference-file.ts');
const { DEFAULT_REFERENCE_DATA_PATH } = (await import(`${root}/apps/po-sync/dist/config/po-sync-config.js`)) as typeof import('../apps/po-sync/src/config/po-sync-config.ts');

async function cpuPer(label: string, count: number, work: (i: number) => Promise<unknown>, parallel = 32): Promise<number> {
  const before = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) await work(next++);
    }),
  );
  const used = process.cpuUsage(before);
  const us = (used.user + used.system) / count;
  console.log(`| ${label} | ${count} | ${(us / 1000).toFixed(3)} | ${Math.round(count / ((performance.now() - started) / 1000)).toLocaleString('en')} |`);
  return us;
}

async function main(): Promise<void> {
  const prefix = `bench-flowcost-${Date.now().toString(36)}.`;
  const encoder = await CanonicalCodec.register(stack.registryUrl, { topicPrefix: prefix });
  const directory = loadReferenceFile(DEFAULT_REFERENCE_DATA_PATH);
  const states = new Map<string, { state: never; version: number }>();
  const store = {
    load: async (po: string) => states.get(po) ?? null,
    save: async (state: { poNumber: string }, expected: number) => (states.set(state.poNumber, { state: state as never, version: expected + 1 }), true),
    replaceAll: async () => ({ cleared: 0 }),
  };
  let sequence = 0;
  const memoryErp = {
    postEncumbrance: async (_request: unknown, key: string) => ({ sequence: ++sequence, documentNumber: `ENC-${sequence}`, kind: 'ENCUMBRANCE' as const, businessKey: key, idempotencyKey: key, acceptedAt: new Date().toISOString(), replayed: false }),
  };
  const flow = new PurchaseOrderFlow({ store: store as never, erp: memoryErp, encoder, directory, tenant: 'demo-health' });
  const publish = async (): Promise<void> => undefined;
  console.log('| step (client-side CPU, this process) | events | CPU ms/event | events/s |');
  console.log('| --- | ---: | ---: | ---: |');
  // Warm up the JIT, then measure.
  for (let i = 0; i < 2000; i++) await flow.handle(JSON.parse(poRecordJson(`PO-W-${i}`, i).toString()), publish);
  await cpuPer('po-sync flow: JSON.parse + parse/validate + map + decide + Avro encode (state and ERP in memory)', N, (i) => flow.handle(JSON.parse(poRecordJson(`PO-M-${i}`, i).toString()), publish), 1);

  let erpChild: ReturnType<typeof startNode> | undefined;
  let erpUrl = values.erp;
  if (!erpUrl) {
    erpChild = startNode(`${root}/apps/erp-sandbox/dist/main.js`, { HOST: '127.0.0.1', PORT: '0', ERP_SANDBOX_STORE: 'memory' });
    const [, port] = await erpChild.waitFor(/listening on http:\/\/127\.0\.0\.1:(\d+)/, 60_000);
    erpUrl = `http://127.0.0.1:${port}`;
  }
  const http = new HttpErpClient({ baseUrl: erpUrl, timeoutMs: 5000 });
  const request = (i: number) => ({ poNumber: `PO-E-${i}`, revision: 0, lineNumber: 1, glAccount: '6100', costCentre: 'CC-4100', facilityId: 'FAC-NORTH', departmentId: 'DEP-NORTH-ICU', supplierId: 'SUP-MEDLINE', amount: '125.00', currency: 'USD', direction: 'ENCUMBER' as const });
  for (let i = 0; i < 500; i++) await http.postEncumbrance(request(-i - 1), `bench-warm-${prefix}${i}`);
  await cpuPer('one ERP call: HttpErpClient.postEncumbrance (node:http keep-alive) to the ERP sandbox', Math.min(N, 5000), (i) => http.postEncumbrance(request(i), `bench-${prefix}${i}`));
  // The same request over node:http with a keep-alive agent: what a client without fetch would cost.
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const url = new URL('/erp/v1/encumbrances', erpUrl);
  const post = (i: number, key: string) =>
    new Promise<string>((resolve, reject) => {
      const body = JSON.stringify(request(i));
      const req = httpRequest(
        { agent, host: url.hostname, port: url.port, path: url.pathname, method: 'POST', timeout: 5000, headers: { 'content-type': 'application/json', accept: 'application/json', 'idempotency-key': key, 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => (res.statusCode === 201 || res.statusCode === 200 ? resolve(Buffer.concat(chunks).toString()) : reject(new Error(`status ${res.statusCode}`))));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  for (let i = 0; i < 500; i++) await post(100_000 + i, `bench-warm-http-${prefix}${i}`);
  await cpuPer('one ERP call: the same POST over node:http with a keep-alive agent', Math.min(N, 5000), (i) => post(200_000 + i, `bench-http-${prefix}${i}`).then((text) => JSON.parse(text)));
  agent.destroy();
  await erpChild?.stop();

  const redis = new Redis(stack.redisUrl);
  for (let i = 0; i < 500; i++) await redis.hmget(`${prefix}none`, 'version', 'state');
  await cpuPer('one Redis round trip: ioredis HMGET', Math.min(N, 10000), () => redis.hmget(`${prefix}none`, 'version', 'state'));
  const auto = new Redis(stack.redisUrl, { enableAutoPipelining: true });
  for (let i = 0; i < 500; i++) await auto.hmget(`${prefix}none`, 'version', 'state');
  await cpuPer('one Redis round trip: ioredis HMGET, enableAutoPipelining, 32 concurrent', Math.min(N, 10000), () => auto.hmget(`${prefix}none`, 'version', 'state'));
  redis.disconnect();
  auto.disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
