import { encumbrance, Sandbox, uniqueKey } from '../erp-sandbox.harness.spec';

describe('the ERP contract over HTTP', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await Sandbox.start();
  });
  afterAll(() => sandbox.close());

  describe('when an encumbrance is posted', () => {
    it('answers 201 with its document number, and the ledger holds it', async () => {
      const body = encumbrance();
      const answer = await sandbox.write('POST', '/erp/v1/encumbrances', body, uniqueKey('enc'));
      expect(answer.status).toBe(201);
      expect(answer.headers.get('Idempotent-Replayed')).toBeNull();
      expect(answer.body).toMatchObject({ kind: 'ENCUMBRANCE', businessKey: `${body.poNumber}/1/1/ENCUMBER`, amount: '125.50' });
      expect(answer.body.documentNumber).toMatch(/^ENC-\d{8}$/);
      const entries = await sandbox.ledger(`businessKey=${encodeURIComponent(answer.body.businessKey)}`);
      expect(entries).toEqual([answer.body]);
      expect((await sandbox.get(`/erp/v1/encumbrances/${answer.body.documentNumber}`)).body).toEqual(answer.body);
    });
  });

  describe('when the same Idempotency-Key comes again with the same body', () => {
    it('answers 200 with the original entry and Idempotent-Replayed: true, and the ledger holds it once', async () => {
      const body = encumbrance();
      const key = uniqueKey('replay');
      const first = await sandbox.write('POST', '/erp/v1/encumbrances', body, key);
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const again = await sandbox.write('POST', '/erp/v1/encumbrances', reordered, key);
      expect(again.status).toBe(200);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(await sandbox.ledger(`businessKey=${encodeURIComponent(first.body.businessKey)}`)).toHaveLength(1);
    });

    it('and ten copies race › exactly one is accepted, nine are replays, one ledger entry', async () => {
      const body = encumbrance();
      const key = uniqueKey('race');
      const answers = await Promise.all(Array.from({ length: 10 }, () => sandbox.write('POST', '/erp/v1/encumbrances', body, key)));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      expect(await sandbox.ledger(`businessKey=${encodeURIComponent(answers[0]?.body.businessKey)}`)).toHaveLength(1);
    });
  });

  describe('when the same Idempotency-Key comes with a different body', () => {
    it('answers 409 IDEMPOTENCY_KEY_REUSED and posts nothing', async () => {
      const body = encumbrance();
      const key = uniqueKey('conflict');
      const first = await sandbox.write('POST', '/erp/v1/encumbrances', body, key);
      const other = await sandbox.write('POST', '/erp/v1/encumbrances', { ...body, amount: '125.51' }, key);
      expect(other.status).toBe(409);
      expect(other.body).toMatchObject({ error: 'IDEMPOTENCY_KEY_REUSED' });
      expect(await sandbox.ledger(`subjectId=${body.poNumber}`)).toEqual([first.body]);
    });
  });

  describe('when a write has no Idempotency-Key', () => {
    it('answers 400 IDEMPOTENCY_KEY_REQUIRED at headers.Idempotency-Key and posts nothing', async () => {
      const body = encumbrance();
      const answer = await sandbox.write('POST', '/erp/v1/encumbrances', body);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'IDEMPOTENCY_KEY_REQUIRED', problems: [{ path: 'headers.Idempotency-Key', code: 'MISSING' }] });
      expect(await sandbox.ledger(`subjectId=${body.poNumber}`)).toEqual([]);
    });
  });

  describe('when the amount is a JSON number', () => {
    it('answers 400 VALIDATION_FAILED with the field path amount, and posts nothing', async () => {
      const body = encumbrance();
      const raw = JSON.stringify(body).replace('"amount":"125.50"', '"amount":10.5');
      const answer = await sandbox.write('POST', '/erp/v1/encumbrances', raw, uniqueKey('float'));
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({
        error: 'VALIDATION_FAILED',
        message: expect.stringContaining('amount'),
        problems: [{ path: 'amount', code: 'WRONG_TYPE', message: 'must be a decimal string such as "1234.50", not a JSON number' }],
      });
      expect(await sandbox.ledger(`subjectId=${body.poNumber}`)).toEqual([]);
    });
  });

  describe('when the body is not JSON', () => {
    it('answers 400 MALFORMED_JSON in the same error shape', async () => {
      const answer = await sandbox.write('POST', '/erp/v1/encumbrances', '{"poNumber":', uniqueKey('broken'));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'MALFORMED_JSON', message: expect.any(String) });
    });
  });

  describe('when the body is over 100 kB', () => {
    it('answers 413 PAYLOAD_TOO_LARGE', async () => {
      const answer = await sandbox.write('POST', '/erp/v1/encumbrances', encumbrance({ reason: 'x'.repeat(120_000) }), uniqueKey('big'));
      expect(answer).toMatchObject({ status: 413, body: { error: 'PAYLOAD_TOO_LARGE' } });
    });
  });

  describe('when the body is not sent as application/json', () => {
    it('answers 400 MALFORMED_JSON', async () => {
      const answer = await sandbox.send('POST', '/erp/v1/encumbrances', JSON.stringify(encumbrance()), { 'content-type': 'text/plain', 'Idempotency-Key': uniqueKey('txt') });
      expect(answer).toMatchObject({ status: 400, body: { error: 'MALFORMED_JSON' } });
    });
  });

  describe('when a document is unknown', () => {
    it('answers 404 NOT_FOUND', async () => {
      for (const path of ['/erp/v1/encumbrances/ENC-99999999', '/erp/v1/vendors/SUP-NONE', '/erp/v1/ap-invoices/INV-NONE', '/erp/v1/payments/PAY-NONE/status']) {
        const answer = await sandbox.get(path);
        expect([path, answer.status, answer.body.error]).toEqual([path, 404, 'NOT_FOUND']);
      }
    });
  });

  describe('each capability', () => {
    it('upserts a vendor (200), and reads back its latest record', async () => {
      const supplierId = uniqueKey('SUP');
      const vendor = {
        legalName: 'Acme Medical Supply LLC',
        status: 'ACTIVE',
        remitTo: { line1: '1 Main St', city: 'Springfield', postalCode: '62701', country: 'US' },
        bankAccount: { token: 'tok_bank_7f3a9c21', maskedNumber: '****6789', bankCountry: 'US' },
      };
      expect((await sandbox.write('PUT', `/erp/v1/vendors/${supplierId}`, vendor, uniqueKey('v1'))).status).toBe(200);
      expect((await sandbox.write('PUT', `/erp/v1/vendors/${supplierId}`, { ...vendor, status: 'ON_HOLD' }, uniqueKey('v2'))).status).toBe(200);
      const read = await sandbox.get(`/erp/v1/vendors/${supplierId}`);
      expect(read.body).toMatchObject({ kind: 'VENDOR_UPSERT', subjectId: supplierId, record: { status: 'ON_HOLD', bankAccount: vendor.bankAccount } });
    });

    it('posts an AP invoice (201) and a payment status (200), each readable by id', async () => {
      const invoiceId = uniqueKey('INV');
      const invoice = {
        invoiceId, supplierId: 'SUP-1', poNumber: 'PO-9', facilityId: 'FAC-EAST', amount: '100.10', currency: 'USD',
        lines: [{ lineNumber: 1, description: 'Gloves', amount: '100.10' }],
      };
      const posted = await sandbox.write('POST', '/erp/v1/ap-invoices', invoice, uniqueKey('ap'));
      expect(posted.status).toBe(201);
      expect(posted.body.documentNumber).toMatch(/^APV-/);
      expect((await sandbox.get(`/erp/v1/ap-invoices/${invoiceId}`)).body).toEqual(posted.body);
      const paymentId = uniqueKey('PAY');
      const status = { supplierId: 'SUP-1', status: 'COMPLETED', statusAt: '2026-03-01T10:00:00Z', amount: '100.10', currency: 'USD', invoiceIds: [invoiceId] };
      const acknowledged = await sandbox.write('PUT', `/erp/v1/payments/${paymentId}/status`, status, uniqueKey('pay'));
      expect(acknowledged.status).toBe(200);
      expect((await sandbox.get(`/erp/v1/payments/${paymentId}/status`)).body).toMatchObject({ businessKey: `${paymentId}/COMPLETED`, record: { invoiceIds: [invoiceId] } });
    });
  });

  describe('the ledger summary', () => {
    it('totals a facility exactly, as a decimal string', async () => {
      const facilityId = uniqueKey('FAC');
      for (const amount of ['0.10', '0.20', '0.0001']) {
        await sandbox.write('POST', '/erp/v1/encumbrances', encumbrance({ facilityId, amount }), uniqueKey('sum'));
      }
      const summary = await sandbox.get(`/erp/v1/ledger/summary?facilityId=${facilityId}`);
      expect(summary.body).toMatchObject({ count: 3, groups: [{ kind: 'ENCUMBRANCE', facilityId, count: 3, total: '0.3001', currency: 'USD' }] });
    });

    it('when a query parameter is malformed › answers 400 with its path', async () => {
      const answer = await sandbox.get('/erp/v1/ledger?since=yesterday');
      expect(answer).toMatchObject({ status: 400, body: { error: 'VALIDATION_FAILED', problems: [{ path: 'query.since', code: 'MALFORMED' }] } });
    });
  });

  it('serves its OpenAPI 3.1 document at /openapi.json', async () => {
    const answer = await sandbox.get('/openapi.json');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ openapi: '3.1.0', paths: { '/erp/v1/encumbrances': { post: expect.any(Object) } } });
  });
});
