import { encumbrance, Sandbox, uniqueKey, type Answer } from '../erp-sandbox.harness.spec';

const VENDOR = {
  legalName: 'Acme Medical Supply LLC',
  status: 'ACTIVE',
  remitTo: { line1: '1 Main St', city: 'Springfield', postalCode: '62701', country: 'US' },
};

interface Item {
  method: string;
  path: string;
  idempotencyKey?: unknown;
  body?: unknown;
}

function invoice(invoiceId = uniqueKey('INV'), lineCount = 1): Record<string, unknown> {
  const lines = Array.from({ length: lineCount }, (_, i) => ({ lineNumber: i + 1, description: `Nitrile gloves, box ${i + 1} `.padEnd(200, '.'), amount: '1.00' }));
  return { invoiceId, supplierId: 'SUP-1', poNumber: 'PO-9', facilityId: 'FAC-EAST', amount: `${lineCount}.00`, currency: 'USD', lines };
}

const paymentStatus = (): Record<string, unknown> => ({ supplierId: 'SUP-1', status: 'COMPLETED', statusAt: '2026-03-01T10:00:00Z', amount: '10.00', currency: 'USD' });
const encumbranceItem = (body = encumbrance(), key: unknown = uniqueKey('enc')): Item => ({ method: 'POST', path: '/erp/v1/encumbrances', idempotencyKey: key, body });
const invoiceItem = (body = invoice()): Item => ({ method: 'POST', path: '/erp/v1/ap-invoices', idempotencyKey: uniqueKey('ap'), body });
const vendorItem = (supplierId = uniqueKey('SUP')): Item => ({ method: 'PUT', path: `/erp/v1/vendors/${encodeURIComponent(supplierId)}`, idempotencyKey: uniqueKey('v'), body: VENDOR });
const paymentItem = (paymentId = uniqueKey('PAY')): Item => ({ method: 'PUT', path: `/erp/v1/payments/${paymentId}/status`, idempotencyKey: uniqueKey('p'), body: paymentStatus() });

describe('POST /erp/v1/batch — many writes in one request', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await Sandbox.start();
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.send('DELETE', '/sandbox/v1/faults'));

  const batch = (requests: unknown, signal?: AbortSignal): Promise<Answer> => sandbox.send('POST', '/erp/v1/batch', { requests }, {}, signal);
  const statuses = (answer: Answer): number[] => answer.body.responses.map((r: { status: number }) => r.status);
  const setFault = (spec: Record<string, unknown>): Promise<Answer> => sandbox.send('POST', '/sandbox/v1/faults', spec);

  describe('with one write of each capability', () => {
    it('answers 200 with each item’s own status and entry, in order, and the ledger holds each once', async () => {
      const supplierId = `SUP:${uniqueKey('b')}`; // the ':' travels URL-encoded
      const items = [vendorItem(supplierId), encumbranceItem(), invoiceItem(), paymentItem()];
      const answer = await batch(items);
      expect(answer.status).toBe(200);
      expect(answer.body.responses).toEqual([
        { status: 200, replayed: false, body: expect.objectContaining({ kind: 'VENDOR_UPSERT', subjectId: supplierId }) },
        { status: 201, replayed: false, body: expect.objectContaining({ kind: 'ENCUMBRANCE', documentNumber: expect.stringMatching(/^ENC-\d{8}$/) }) },
        { status: 201, replayed: false, body: expect.objectContaining({ kind: 'AP_INVOICE', documentNumber: expect.stringMatching(/^APV-\d{8}$/) }) },
        { status: 200, replayed: false, body: expect.objectContaining({ kind: 'PAYMENT_STATUS', businessKey: expect.stringMatching(/\/COMPLETED$/) }) },
      ]);
      for (const { body } of answer.body.responses) {
        expect(await sandbox.ledger(`subjectId=${encodeURIComponent(body.subjectId)}`)).toEqual([body]);
      }
      expect(answer.body.responses[0].body).not.toHaveProperty('fingerprint');
    });
  });

  describe('idempotency is shared with the single calls', () => {
    it('a batch item replays a single call with the same key and request, and the other way round', async () => {
      const single = encumbrance();
      const singleKey = uniqueKey('single');
      const posted = await sandbox.write('POST', '/erp/v1/encumbrances', single, singleKey);
      expect(posted.status).toBe(201);
      const supplierId = `SUP:${uniqueKey('r')}`;
      const vendor = vendorItem(supplierId);
      const first = await batch([encumbranceItem(Object.fromEntries(Object.entries(single).reverse()), singleKey), vendor]);
      expect(first.body.responses[0]).toEqual({ status: 200, replayed: true, body: posted.body });
      expect(first.body.responses[1]).toMatchObject({ status: 200, replayed: false });
      const again = await sandbox.write('PUT', vendor.path, VENDOR, vendor.idempotencyKey as string);
      expect(again.status).toBe(200);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect(again.body).toEqual(first.body.responses[1].body);
      expect(await sandbox.ledger(`subjectId=${single.poNumber}`)).toHaveLength(1);
      expect(await sandbox.ledger(`subjectId=${encodeURIComponent(supplierId)}`)).toHaveLength(1);
    });

    it('a different request under a used key is 409 either way, and two items with one key in a batch post once', async () => {
      const body = encumbrance();
      const key = uniqueKey('reuse');
      const answer = await batch([encumbranceItem(body, key), encumbranceItem(body, key), encumbranceItem({ ...body, amount: '125.51' }, key)]);
      expect(statuses(answer)).toEqual([201, 200, 409]);
      expect(answer.body.responses[1].replayed).toBe(true);
      expect(answer.body.responses[2].body).toMatchObject({ error: 'IDEMPOTENCY_KEY_REUSED' });
      const single = await sandbox.write('POST', '/erp/v1/encumbrances', { ...body, amount: '1.00' }, key);
      expect(single).toMatchObject({ status: 409, body: { error: 'IDEMPOTENCY_KEY_REUSED' } });
      expect(await sandbox.ledger(`subjectId=${body.poNumber}`)).toEqual([answer.body.responses[0].body]);
    });
  });

  describe('an item that cannot be written', () => {
    it('is answered alone, as its single call would be, and the others are posted', async () => {
      const invalid = encumbrance({ amount: 10.5 });
      const keyless = encumbrance();
      const good = encumbrance();
      const answer = await batch([
        encumbranceItem(invalid),
        { method: 'POST', path: '/erp/v1/encumbrances', body: keyless },
        { method: 'POST', path: '/erp/v1/purchase-orders', idempotencyKey: uniqueKey('x'), body: {} },
        { method: 'POST', path: '/erp/v1/encumbrances', idempotencyKey: uniqueKey('nobody') },
        encumbranceItem(good),
      ]);
      expect(answer.status).toBe(200);
      expect(answer.body.responses).toEqual([
        { status: 400, replayed: false, body: { error: 'VALIDATION_FAILED', message: expect.any(String), problems: [expect.objectContaining({ path: 'amount', code: 'WRONG_TYPE' })] } },
        {
          status: 400,
          replayed: false,
          body: { error: 'IDEMPOTENCY_KEY_REQUIRED', message: expect.any(String), problems: [expect.objectContaining({ path: 'headers.Idempotency-Key', code: 'MISSING' })] },
        },
        { status: 404, replayed: false, body: { error: 'NOT_FOUND', message: expect.stringContaining('requests[2]') } },
        { status: 400, replayed: false, body: expect.objectContaining({ error: 'VALIDATION_FAILED', problems: [expect.objectContaining({ path: 'requests[3].body', code: 'MISSING' })] }) },
        { status: 201, replayed: false, body: expect.objectContaining({ subjectId: good.poNumber }) },
      ]);
      expect(await sandbox.ledger(`subjectId=${invalid.poNumber}`)).toEqual([]);
      expect(await sandbox.ledger(`subjectId=${keyless.poNumber}`)).toEqual([]);
      expect(await sandbox.ledger(`subjectId=${good.poNumber}`)).toHaveLength(1);
    });
  });

  describe('when the envelope is wrong › 400 VALIDATION_FAILED for the whole request, nothing posted', () => {
    it.each([
      ['empty', []],
      ['501 items', Array.from({ length: 501 }, () => encumbranceItem())],
      ['not a list', { method: 'POST' }],
    ])('%s', async (_, requests) => {
      const before = (await sandbox.ledger()).length;
      const answer = await batch(requests);
      expect(answer).toMatchObject({ status: 400, body: { error: 'VALIDATION_FAILED', problems: [expect.objectContaining({ path: 'requests' })] } });
      expect(await sandbox.ledger()).toHaveLength(before);
    });

    it('not JSON › 400 MALFORMED_JSON', async () => {
      const answer = await sandbox.send('POST', '/erp/v1/batch', '{"requests":[');
      expect(answer).toMatchObject({ status: 400, body: { error: 'MALFORMED_JSON' } });
    });
  });

  describe('faults are decided per item', () => {
    it("'fail' on encumbrances › only the encumbrance items answer 503 FAULT_INJECTED and post nothing; the others post", async () => {
      await setFault({ mode: 'fail', capability: 'encumbrances' });
      const [first, second] = [encumbrance(), encumbrance()];
      const answer = await batch([encumbranceItem(first), vendorItem(), encumbranceItem(second), invoiceItem()]);
      expect(answer.status).toBe(200);
      expect(statuses(answer)).toEqual([503, 200, 503, 201]);
      expect(answer.body.responses[0]).toEqual({ status: 503, replayed: false, body: { error: 'FAULT_INJECTED', message: expect.stringContaining('encumbrances') } });
      expect(await sandbox.ledger(`subjectId=${first.poNumber}`)).toEqual([]);
      expect(await sandbox.ledger(`subjectId=${second.poNumber}`)).toEqual([]);
    });

    it("'slow' › the batch answers after the delay, once, with every item posted", async () => {
      await setFault({ mode: 'slow', capability: 'vendors', delayMs: 400 });
      const started = Date.now();
      const answer = await batch([vendorItem(), vendorItem(), vendorItem(), encumbranceItem()]);
      const took = Date.now() - started;
      expect(statuses(answer)).toEqual([200, 200, 200, 201]);
      expect(took).toBeGreaterThanOrEqual(390);
      expect(took).toBeLessThan(1_100); // once, not once per slow item (1 200 ms)
    });

    it("'timeout' on one item's capability › holds the whole batch; release closes it unanswered and nothing is posted", async () => {
      await setFault({ mode: 'timeout', capability: 'payments' });
      const body = encumbrance();
      const pending = batch([encumbranceItem(body), paymentItem()], AbortSignal.timeout(10_000)).then(
        (answer) => ({ answered: answer.status }),
        (error: Error) => ({ failed: error.name }),
      );
      for (let waited = 0; waited < 5_000 && (await sandbox.get('/sandbox/v1/faults')).body.held !== 1; waited += 25) await new Promise((r) => setTimeout(r, 25));
      expect((await sandbox.send('POST', '/sandbox/v1/faults/release')).body).toEqual({ released: 1 });
      expect(await pending).toEqual({ failed: 'TypeError' });
      expect(await sandbox.ledger(`subjectId=${body.poNumber}`)).toEqual([]);
    });
  });

  describe('size', () => {
    it('a batch of about 3 MB (400 AP invoices of 30 lines) is accepted and posted', async () => {
      const items = Array.from({ length: 400 }, () => invoiceItem(invoice(uniqueKey('INV'), 30)));
      expect(JSON.stringify({ requests: items }).length).toBeGreaterThan(3_000_000);
      const answer = await batch(items);
      expect(answer.status).toBe(200);
      expect(new Set(statuses(answer))).toEqual(new Set([201]));
      expect(answer.body.responses).toHaveLength(400);
    });

    it('a batch over 5 MB › 413 PAYLOAD_TOO_LARGE, while single writes keep their 100 kB limit', async () => {
      const items = Array.from({ length: 500 }, () => invoiceItem(invoice(uniqueKey('INV'), 45)));
      expect(JSON.stringify({ requests: items }).length).toBeGreaterThan(5 * 1024 * 1024);
      expect(await batch(items)).toMatchObject({ status: 413, body: { error: 'PAYLOAD_TOO_LARGE' } });
      const single = await sandbox.write('POST', '/erp/v1/ap-invoices', invoice(uniqueKey('INV'), 450), uniqueKey('big'));
      expect(single).toMatchObject({ status: 413, body: { error: 'PAYLOAD_TOO_LARGE' } });
    });
  });
});
