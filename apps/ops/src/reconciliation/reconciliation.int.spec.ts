import { Global, Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { HttpErpClient, HttpErpLedgerClient } from '@procurelink/erp-connector';
import { stackEndpoints, startErpSandbox, type ErpSandboxHandle } from '@procurelink/test-support';
import { resolve } from 'node:path';
import { Pool } from 'pg';
import { applyMigrations, createOpsPool, OPS_DB } from '../db';
import { SlaModule, SlaService } from '../sla';
import { PgReconciliationSource } from './infra/pg-reconciliation-source';
import { PgReconciliationStore } from './infra/pg-reconciliation-store';
import { ReconciliationModule } from './reconciliation.module';
import { ReconciliationQueries } from './reconciliation.queries';
import { ReconciliationService } from './reconciliation.service';

const { databaseUrl } = stackEndpoints();
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const schema = `t_ops_recon_${run}`;
const DAY = new Date().toISOString().slice(0, 10);
const FACILITY = `FAC-${run}`;
const PO = `PO-${run}`;
const INVOICE = `INV-${run}`;
const PAYMENT = `PMT-${run}`;
const minutesAgo = (minutes: number): Date => new Date(Math.max(Date.now() - minutes * 60_000, Date.parse(`${DAY}T00:00:00Z`) + 1000));

describe('reconciliation on the real PostgreSQL and the real ERP sandbox', () => {
  let sandbox: ErpSandboxHandle;
  let pool: Pool;
  let context: INestApplicationContext;
  let reconciliation: ReconciliationService;

  const insertDocument = async (docType: string, docId: string, stage: string, amount: string | null, erpDocument: string | null, at: Date): Promise<void> => {
    await pool.query(
      `insert into document (doc_type, doc_id, chain_id, po_number, stage, facility_id, supplier_id, amount, currency, erp_document, first_seen_at, occurred_at, updated_at)
       values ($1, $2, $3, $3, $4, $5, 'SUP-1', $6, 'USD', $7, $8, $8, $8)`,
      [docType, docId, PO, stage, FACILITY, amount, erpDocument, at],
    );
  };
  const insertEvent = async (docType: string, docId: string, eventType: string, at: Date): Promise<void> => {
    await pool.query(
      `insert into document_event (event_id, doc_type, doc_id, event_type, occurred_at, recorded_at, source_system, topic, partition, kafka_offset, summary)
       values ($1, $2, $3, $4, $5, $5, 'test', 'p2p.test', 0, 0, '{}')`,
      [`${docId}-${eventType}-${run}`, docType, docId, eventType, at],
    );
  };
  const tamper = async (body: object): Promise<void> => {
    const response = await fetch(`${sandbox.baseUrl}/sandbox/v1/tamper`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`tamper answered ${response.status}: ${await response.text()}`);
  };

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    pool = await createOpsPool({ databaseUrl, schema, max: 4 });
    await applyMigrations(pool, { schema, dir: resolve(__dirname, '../../migrations') });

    // What the services would have posted to the ERP for one chain.
    const erp = new HttpErpClient({ baseUrl: sandbox.baseUrl, timeoutMs: 5_000 });
    const line = { poNumber: PO, glAccount: '5100-100', costCentre: 'CC-200', facilityId: FACILITY, currency: 'USD' } as const;
    await erp.postEncumbrance({ ...line, revision: 0, lineNumber: 1, amount: '1000.25', direction: 'ENCUMBER' }, `${PO}/0/1/ENCUMBER`);
    await erp.postEncumbrance({ ...line, revision: 0, lineNumber: 2, amount: '250.25', direction: 'ENCUMBER' }, `${PO}/0/2/ENCUMBER`);
    await erp.postEncumbrance({ ...line, revision: 1, lineNumber: 2, amount: '50.00', direction: 'RELIEVE' }, `${PO}/1/2/RELEASE`);
    const invoice = await erp.postApInvoice(
      { invoiceId: INVOICE, supplierId: 'SUP-1', poNumber: PO, facilityId: FACILITY, amount: '110.00', taxAmount: '10.00', currency: 'USD', lines: [{ lineNumber: 1, description: 'gloves', amount: '100.00' }] },
      `SUP-1/${INVOICE}/110.00`,
    );
    await erp.acknowledgePaymentStatus({ paymentId: PAYMENT, supplierId: 'SUP-1', status: 'SCHEDULED', statusAt: minutesAgo(30).toISOString(), amount: '110.00', currency: 'USD', facilityId: FACILITY }, `${PAYMENT}/SCHEDULED`);

    // The same chain as ops' projection stores it from the canonical topics.
    await insertDocument('PURCHASE_ORDER', PO, 'CHANGED', '1200.50', null, minutesAgo(60));
    await insertEvent('PURCHASE_ORDER', PO, 'PurchaseOrderApproved', minutesAgo(90));
    await insertEvent('PURCHASE_ORDER', PO, 'PurchaseOrderChanged', minutesAgo(60));
    await insertDocument('INVOICE', INVOICE, 'POSTED', '110.00', invoice.documentNumber, minutesAgo(40));
    await insertEvent('INVOICE', INVOICE, 'InvoiceMatched', minutesAgo(45));
    await insertEvent('INVOICE', INVOICE, 'InvoicePosted', minutesAgo(40));
    await insertDocument('PAYMENT', PAYMENT, 'SCHEDULED', '110.00', null, minutesAgo(30));
    await insertEvent('PAYMENT', PAYMENT, 'PaymentScheduled', minutesAgo(30));

    @Global()
    @Module({ providers: [{ provide: OPS_DB, useValue: pool }], exports: [OPS_DB] })
    class TestDatabaseModule {}
    const erpOptions = { baseUrl: sandbox.baseUrl, timeoutMs: 5_000 };
    context = await NestFactory.createApplicationContext(
      { module: TestDatabaseModule, imports: [ReconciliationModule.forRoot({ erp: erpOptions, intervalMs: 0 }), SlaModule.forRoot({ erp: erpOptions })] },
      { logger: false },
    );
    reconciliation = context.get(ReconciliationService);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await pool?.end();
    const admin = new Pool({ connectionString: databaseUrl, max: 1 });
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
    await sandbox?.stop();
  });

  it('when ops and the ERP agree › the run finds no mismatch and totals both sides per kind', async () => {
    const result = await reconciliation.run({ day: DAY, facilityId: FACILITY }, 'API', 'test-client');
    expect(result).toMatchObject({ status: 'SUCCEEDED', day: DAY, facilityId: FACILITY, trigger: 'API', requestedBy: 'test-client', mismatchCount: 0, mismatches: [] });
    const totals = Object.fromEntries(result.totals.map((t) => [t.kind, t]));
    expect(totals['ENCUMBRANCE']).toMatchObject({ facilityId: FACILITY, currency: 'USD', source: { count: 1, amount: '1200.5000' }, target: { count: 1, amount: '1200.5000' } });
    expect(totals['AP_INVOICE']).toMatchObject({ source: { count: 1, amount: '110.0000' }, target: { count: 1, amount: '110.0000' } });
    expect(totals['PAYMENT_STATUS']).toMatchObject({ source: { count: 1 }, target: { count: 1 } });
  });

  it('when the ERP invoice amount is tampered with › the run names the invoice, both amounts, and keeps the history', async () => {
    const [posting] = await sandbox.ledger({ kind: 'AP_INVOICE', subjectId: INVOICE });
    await tamper({ action: 'alter', documentNumber: posting?.documentNumber, amount: '99.00' });

    const result = await reconciliation.run({ day: DAY, facilityId: null }, 'API', 'test-client');
    expect(result.status).toBe('SUCCEEDED');
    const mine = result.mismatches.filter((m) => m.facilityId === FACILITY);
    expect(mine).toEqual([
      expect.objectContaining({ kind: 'AP_INVOICE', docType: 'INVOICE', docId: INVOICE, difference: 'AMOUNT', sourceValue: '110.0000 USD', targetValue: '99.00 USD' }),
    ]);

    const queries = context.get(ReconciliationQueries);
    const stored = await queries.get(result.id);
    expect(stored?.mismatches).toEqual(result.mismatches);
    const history = await queries.list({ limit: 10 });
    expect(history.runs.map((r) => [r.id, r.mismatchCount])).toEqual([
      [result.id, result.mismatches.length],
      [expect.any(String), 0],
    ]);
  });

  it('when the ERP forgets an encumbrance posting › the run names the PO and by how much it is short', async () => {
    const [first] = await sandbox.ledger({ kind: 'ENCUMBRANCE', subjectId: PO });
    await tamper({ action: 'delete', documentNumber: first?.documentNumber });
    const result = await reconciliation.run({ day: DAY, facilityId: FACILITY }, 'SCHEDULE', null);
    expect(result.mismatches).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'ENCUMBRANCE', docType: 'PURCHASE_ORDER', docId: PO, difference: 'AMOUNT', sourceValue: '1200.5000 USD', targetValue: '200.25 USD' })]),
    );
  });

  it('when the ERP is unreachable › the run is stored as FAILED with the reason', async () => {
    const unreachable = new HttpErpLedgerClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1_000 });
    const service = new ReconciliationService(new PgReconciliationSource(pool), new PgReconciliationStore(pool), unreachable, () => new Date());
    const result = await service.run({ day: DAY, facilityId: FACILITY }, 'API', 'test-client');
    expect(result).toMatchObject({ status: 'FAILED', mismatchCount: 0, error: expect.stringContaining('could not be reached'), finishedAt: expect.any(String) });
  });

  it('SLA breaches › a PO encumbered more than 5 minutes after approval is listed late; the payment ack in time is not', async () => {
    const sla = context.get(SlaService);
    const report = await sla.breaches({ from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 60_000), slaId: null, facilityId: FACILITY, limit: 100 });
    expect(report.breaches).toEqual(expect.arrayContaining([expect.objectContaining({ sla: 'po-in-erp', docId: PO, state: 'LATE' })]));
    expect(report.breaches.some((b) => b.sla === 'payment-status-back')).toBe(false);
    expect(report.counts.find((c) => c.slaId === 'invoice-posted')).toMatchObject({ evaluated: 1, met: 1, breaches: 0 });
  });
});
