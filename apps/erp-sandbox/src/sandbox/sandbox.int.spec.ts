import { encumbrance, Sandbox, uniqueKey } from '../erp-sandbox.harness.spec';

describe('reset and tamper', () => {
  describe('when ERP_SANDBOX_ALLOW_RESET is not true', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await Sandbox.start();
    });
    afterAll(() => sandbox.close());

    it('refuses both with 403 SANDBOX_GUARDED and leaves the ledger alone', async () => {
      const posted = await sandbox.write('POST', '/erp/v1/encumbrances', encumbrance(), uniqueKey('g'));
      const reset = await sandbox.send('POST', '/sandbox/v1/reset');
      const tamper = await sandbox.send('POST', '/sandbox/v1/tamper', { action: 'delete', documentNumber: posted.body.documentNumber });
      expect([reset.status, reset.body.error, tamper.status, tamper.body.error]).toEqual([403, 'SANDBOX_GUARDED', 403, 'SANDBOX_GUARDED']);
      expect(await sandbox.ledger()).toEqual([posted.body]);
    });
  });

  describe('when ERP_SANDBOX_ALLOW_RESET=true', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await Sandbox.start({ ERP_SANDBOX_ALLOW_RESET: 'true' });
    });
    afterAll(() => sandbox.close());

    it('tamper alter changes a posting’s amount, as reconciliation will see it', async () => {
      const posted = await sandbox.write('POST', '/erp/v1/encumbrances', encumbrance({ amount: '100.00' }), uniqueKey('a'));
      const altered = await sandbox.send('POST', '/sandbox/v1/tamper', { action: 'alter', documentNumber: posted.body.documentNumber, amount: '90.00' });
      expect(altered).toMatchObject({ status: 200, body: { action: 'alter', before: { amount: '100.00' }, after: { amount: '90.00' } } });
      expect((await sandbox.get(`/erp/v1/encumbrances/${posted.body.documentNumber}`)).body).toMatchObject({ amount: '90.00', record: { amount: '90.00' } });
    });

    it('tamper delete removes a posting; an unknown document is 404', async () => {
      const posted = await sandbox.write('POST', '/erp/v1/encumbrances', encumbrance(), uniqueKey('d'));
      const deleted = await sandbox.send('POST', '/sandbox/v1/tamper', { action: 'delete', documentNumber: posted.body.documentNumber });
      expect(deleted.status).toBe(200);
      expect((await sandbox.get(`/erp/v1/encumbrances/${posted.body.documentNumber}`)).status).toBe(404);
      const again = await sandbox.send('POST', '/sandbox/v1/tamper', { action: 'delete', documentNumber: posted.body.documentNumber });
      expect(again).toMatchObject({ status: 404, body: { error: 'NOT_FOUND' } });
    });

    it('reset empties the ledger, and document numbers are not reused afterwards', async () => {
      const before = await sandbox.write('POST', '/erp/v1/encumbrances', encumbrance(), uniqueKey('r1'));
      const reset = await sandbox.send('POST', '/sandbox/v1/reset');
      expect(reset.status).toBe(200);
      expect(reset.body.cleared).toBeGreaterThan(0);
      expect(await sandbox.ledger()).toEqual([]);
      const after = await sandbox.write('POST', '/erp/v1/encumbrances', encumbrance(), uniqueKey('r2'));
      expect(after.body.sequence).toBeGreaterThan(before.body.sequence);
    });
  });
});
