import { stackEndpoints } from '@procurelink/test-support';
import { Client } from 'pg';
import { encumbrance, Sandbox, uniqueKey } from '../erp-sandbox.harness.spec';

/** Each run keeps its ledger in a schema of its own, dropped at the end. */
const schema = `erp_sandbox_it_${process.pid}_${Date.now().toString(36)}`;
const env = { ERP_SANDBOX_STORE: 'postgres', DATABASE_URL: stackEndpoints().databaseUrl, ERP_SANDBOX_PG_SCHEMA: schema, ERP_SANDBOX_ALLOW_RESET: 'true' };

describe('the ledger in PostgreSQL', () => {
  const started: Sandbox[] = [];
  const start = async (): Promise<Sandbox> => {
    const sandbox = await Sandbox.start(env);
    started.push(sandbox);
    return sandbox;
  };

  afterAll(async () => {
    await Promise.all(started.map((sandbox) => sandbox.close().catch(() => undefined)));
    const client = new Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('when the sandbox restarts › the posting is still in the ledger, and its Idempotency-Key still replays it', async () => {
    const first = await start();
    const body = encumbrance({ amount: '1250.5000' });
    const key = uniqueKey('pg');
    const posted = await first.write('POST', '/erp/v1/encumbrances', body, key);
    expect(posted.status).toBe(201);
    await first.close();

    const second = await start();
    expect(await second.ledger(`subjectId=${body.poNumber}`)).toEqual([posted.body]);
    const replayed = await second.write('POST', '/erp/v1/encumbrances', body, key);
    expect(replayed.status).toBe(200);
    expect(replayed.headers.get('Idempotent-Replayed')).toBe('true');
    expect(replayed.body).toEqual(posted.body);
    const conflicting = await second.write('POST', '/erp/v1/encumbrances', { ...body, amount: '1.00' }, key);
    expect(conflicting.status).toBe(409);
    expect(await second.ledger(`subjectId=${body.poNumber}`)).toHaveLength(1);
  });

  it('when two sandboxes share the database and ten copies race across them › exactly one posting', async () => {
    const sandboxes = await Promise.all([start(), start()]);
    const body = encumbrance();
    const key = uniqueKey('pg-race');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => sandboxes[i % 2]?.write('POST', '/erp/v1/encumbrances', body, key)));
    expect(answers.map((answer) => answer?.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await sandboxes[0]?.ledger(`subjectId=${body.poNumber}`)).toHaveLength(1);
  });

  it('filters, summarises exactly, tampers and resets like the memory ledger', async () => {
    const sandbox = await start();
    const facilityId = uniqueKey('FAC');
    const documents: string[] = [];
    for (const amount of ['0.10', '0.20', '0.0001']) {
      documents.push((await sandbox.write('POST', '/erp/v1/encumbrances', encumbrance({ facilityId, amount }), uniqueKey('s'))).body.documentNumber);
    }
    expect((await sandbox.ledger(`facilityId=${facilityId}&kind=ENCUMBRANCE`)).map((entry) => entry.amount)).toEqual(['0.10', '0.20', '0.0001']);
    expect((await sandbox.get(`/erp/v1/ledger/summary?facilityId=${facilityId}`)).body.groups).toMatchObject([{ count: 3, total: '0.3001' }]);
    await sandbox.send('POST', '/sandbox/v1/tamper', { action: 'alter', documentNumber: documents[0], amount: '5.00' });
    await sandbox.send('POST', '/sandbox/v1/tamper', { action: 'delete', documentNumber: documents[1] });
    expect((await sandbox.get(`/erp/v1/ledger/summary?facilityId=${facilityId}`)).body.groups).toMatchObject([{ count: 2, total: '5.0001' }]);
    expect((await sandbox.send('POST', '/sandbox/v1/reset')).status).toBe(200);
    expect(await sandbox.ledger()).toEqual([]);
  });
});
