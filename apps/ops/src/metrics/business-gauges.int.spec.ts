import 'reflect-metadata';
import { Global, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { stopMetrics } from '@procurelink/observability';
import { HealthModule } from '@procurelink/service-host';
import { stackEndpoints } from '@procurelink/test-support';
import { resolve } from 'node:path';
import { Pool } from 'pg';
import type { OpsConfig } from '../config/ops-config';
import { applyMigrations, createOpsPool, OPS_DB } from '../db';
import { OPS_CONFIG } from '../ops.tokens';
import { readOverview } from '../read-api';
import { OpsMetricsModule, opsPostgresCheck } from './ops-metrics.module';
import { readBusinessPicture } from './business-picture';

const { databaseUrl } = stackEndpoints();
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const schema = `t_ops_metrics_${run}`;
const hoursAgo = (hours: number): Date => new Date(Date.now() - hours * 3_600_000);

describe("ops' business gauges on the real PostgreSQL", () => {
  let pool: Pool;
  let app: INestApplication;
  let base: string;

  const doc = async (docType: string, docId: string, stage: string, facility: string | null, extra: { po?: string; reason?: string; at?: Date } = {}): Promise<void> => {
    const at = extra.at ?? new Date();
    await pool.query(
      `insert into document (doc_type, doc_id, po_number, stage, facility_id, supplier_id, exception_reason, first_seen_at, occurred_at, updated_at)
       values ($1, $2, $3, $4, $5, 'SUP-1', $6, $7, $7, $7)`,
      [docType, docId, extra.po ?? null, stage, facility, extra.reason ?? null, at],
    );
  };
  let offset = 0;
  const deadLetter = async (service: string, code: string, status = 'OPEN'): Promise<void> => {
    offset += 1;
    await pool.query(
      `insert into dead_letter (dlt_topic, dlt_partition, dlt_offset, service, error_code, headers, status, recorded_at)
       values ($1, 0, $2, $1, $3, '{}', $4, now())`,
      [service, offset, code, status],
    );
  };

  beforeAll(async () => {
    pool = await createOpsPool({ databaseUrl, schema, max: 4 });
    await applyMigrations(pool, { schema, dir: resolve(__dirname, '../../migrations') });
    // Facility F-A: two invoices waiting (received, exception), one posted; an old receipt with no posted invoice.
    await doc('INVOICE', 'INV-1', 'RECEIVED', 'F-A', { po: 'PO-1' });
    await doc('INVOICE', 'INV-2', 'EXCEPTION', 'F-A', { po: 'PO-2', reason: 'PRICE_VARIANCE' });
    await doc('INVOICE', 'INV-3', 'POSTED', 'F-A', { po: 'PO-3' });
    await doc('RECEIPT', 'GR-1', 'RECEIVED', 'F-A', { po: 'PO-1', at: hoursAgo(30) });
    await doc('RECEIPT', 'GR-3', 'RECEIVED', 'F-A', { po: 'PO-3', at: hoursAgo(30) }); // its invoice posted
    await doc('RECEIPT', 'GR-4', 'RECEIVED', 'F-A', { po: 'PO-4', at: hoursAgo(1) }); // too recent to count
    // Payments: two blocked at F-B (failed, rejected with a reason), one completed at F-A, one failed without a facility.
    await doc('PAYMENT', 'PMT-1', 'FAILED', 'F-B');
    await doc('PAYMENT', 'PMT-2', 'SCHEDULED', 'F-B', { reason: 'BANK_REJECTED' });
    await doc('PAYMENT', 'PMT-3', 'COMPLETED', 'F-A');
    await doc('PAYMENT', 'PMT-4', 'FAILED', null);
    await deadLetter('po-sync', 'INVALID_INPUT');
    await deadLetter('po-sync', 'INVALID_INPUT');
    await deadLetter('po-sync', 'INVALID_INPUT', 'REPLAYED');
    await deadLetter('invoice-sync', 'TARGET_UNAVAILABLE');

    @Global()
    @Module({
      providers: [
        { provide: OPS_DB, useValue: pool },
        { provide: OPS_CONFIG, useValue: { unmatchedReceiptHours: 24 } as OpsConfig },
      ],
      exports: [OPS_DB, OPS_CONFIG],
    })
    class TestResources {}
    @Module({ imports: [TestResources, HealthModule.forService('ops', { checks: [opsPostgresCheck] }), OpsMetricsModule] })
    class TestOps {}
    app = await NestFactory.create(TestOps, { logger: false, abortOnError: false });
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await stopMetrics();
    await pool?.end();
    const admin = new Pool({ connectionString: databaseUrl, max: 1 });
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it('GET /metrics shows delayed invoices, unmatched receipts and blocked payments by facility, open dead letters by service and code', async () => {
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    const lines = (await response.text()).split('\n').filter((l) => /^procurelink_(delayed|unmatched|blocked|dead_letters)/.test(l));
    expect(lines.sort()).toEqual(
      [
        'procurelink_delayed_invoices{facility="F-A"} 2',
        'procurelink_unmatched_receipts{facility="F-A"} 1',
        'procurelink_blocked_payments{facility="F-B"} 2',
        'procurelink_blocked_payments{facility="unknown"} 1',
        'procurelink_dead_letters_open{service="po-sync",code="INVALID_INPUT"} 2',
        'procurelink_dead_letters_open{service="invoice-sync",code="TARGET_UNAVAILABLE"} 1',
      ].sort(),
    );
  });

  it('blocked payments by facility add up to the overview total (the same predicate)', async () => {
    const [picture, overview] = await Promise.all([readBusinessPicture(pool, { unmatchedReceiptHours: 24 }), readOverview(pool, { unmatchedReceiptHours: 24 })]);
    expect(picture.blockedPayments.reduce((sum, r) => sum + r.count, 0)).toBe(overview.blockedPayments.total);
    expect(picture.delayedInvoices.reduce((sum, r) => sum + r.count, 0)).toBe(overview.delayedInvoices.total);
  });

  it('GET /health/ready checks PostgreSQL', async () => {
    const response = await fetch(`${base}/health/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', service: 'ops', checks: { postgres: 'up' } });
  });
});
