import { startErpSandbox, type ErpSandboxHandle } from '@procurelink/test-support';
import type { EncumbranceRequest } from '../ports';
import { HttpErpClient } from './http-erp-client';
import { HttpErpLedgerClient } from './http-erp-ledger-client';

const run = `L${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const encumbrance = (poNumber: string, lineNumber: number, amount: string, facilityId = 'FAC-NORTH'): EncumbranceRequest => ({
  poNumber,
  revision: 0,
  lineNumber,
  glAccount: '5100-100',
  costCentre: 'CC-200',
  facilityId,
  amount,
  currency: 'USD',
  direction: 'ENCUMBER',
});

describe('HttpErpLedgerClient against the real ERP sandbox', () => {
  let sandbox: ErpSandboxHandle;
  let writer: HttpErpClient;
  let ledger: HttpErpLedgerClient;

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    writer = new HttpErpClient({ baseUrl: sandbox.baseUrl, timeoutMs: 5_000 });
    ledger = new HttpErpLedgerClient({ baseUrl: sandbox.baseUrl, timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await sandbox?.stop();
  });

  it('reads every posting of a subject, following afterSequence across pages', async () => {
    const po = `PO-${run}-A`;
    for (let line = 1; line <= 5; line += 1) await writer.postEncumbrance(encumbrance(po, line, `${line}.10`), `${po}/0/${line}/ENCUMBER`);
    const firstPage = await ledger.ledgerPage({ subjectId: po, limit: 2 });
    expect(firstPage).toMatchObject({ count: 2, truncated: true });

    const all = await ledger.ledger({ subjectId: po, limit: 2 });
    expect(all.map((entry) => entry.amount)).toEqual(['1.10', '2.10', '3.10', '4.10', '5.10']);
    expect(all.every((entry) => entry.kind === 'ENCUMBRANCE' && entry.direction === 'ENCUMBER' && entry.subjectId === po)).toBe(true);
    expect(new Set(all.map((entry) => entry.sequence)).size).toBe(5);
  });

  it('summarises exact totals per kind, facility, day and direction', async () => {
    const po = `PO-${run}-B`;
    await writer.postEncumbrance(encumbrance(po, 1, '0.10', 'FAC-SOUTH'), `${po}/0/1/ENCUMBER`);
    await writer.postEncumbrance(encumbrance(po, 2, '0.2001', 'FAC-SOUTH'), `${po}/0/2/ENCUMBER`);
    const summary = await ledger.summary({ subjectId: po });
    expect(summary.count).toBe(2);
    expect(summary.groups).toEqual([
      expect.objectContaining({ kind: 'ENCUMBRANCE', facilityId: 'FAC-SOUTH', direction: 'ENCUMBER', currency: 'USD', count: 2, total: '0.3001' }),
    ]);
  });

  it('answers a bad filter with a non-retriable INVALID_INPUT', async () => {
    await expect(ledger.ledgerPage({ since: 'yesterday' })).rejects.toMatchObject({ code: 'INVALID_INPUT', retriable: false });
  });

  it('answers an unreachable ERP with a retriable TARGET_UNAVAILABLE', async () => {
    const nowhere = new HttpErpLedgerClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1_000 });
    await expect(nowhere.ledger()).rejects.toMatchObject({
      code: 'TARGET_UNAVAILABLE',
      retriable: true,
      message: 'ERP ledger GET /erp/v1/ledger could not be reached (ECONNREFUSED)',
    });
  });
});
