import { createServer } from 'node:net';
import { startErpSandbox, type ErpSandboxHandle } from '@procurelink/test-support';
import type { ErpPosting } from '../ports';
import { erpRequests } from './erp-requests.fixture.spec';
import { HttpErpClient, type ErpBatchOptions } from './http-erp-client';

const TIMEOUT_MS = 800;
const { unique, vendor, encumbrance, apInvoice, paymentStatus } = erpRequests('T');

type Post = (client: HttpErpClient, key: string) => Promise<ErpPosting>;
const capabilities: ReadonlyArray<{ name: string; prefix: string; post: () => Post }> = [
  { name: 'vendor upsert', prefix: 'VND-', post: () => { const r = vendor(); return (c, k) => c.upsertVendor(r, k); } },
  { name: 'encumbrance', prefix: 'ENC-', post: () => { const r = encumbrance(); return (c, k) => c.postEncumbrance(r, k); } },
  { name: 'AP invoice', prefix: 'APV-', post: () => { const r = apInvoice(); return (c, k) => c.postApInvoice(r, k); } },
  { name: 'payment status', prefix: 'PMT-', post: () => { const r = paymentStatus(); return (c, k) => c.acknowledgePaymentStatus(r, k); } },
];

async function failure(promise: Promise<unknown>): Promise<{ code: string; retriable: boolean; message: string }> {
  return promise.then(
    () => { throw new Error('expected the call to fail'); },
    (error: { code: string; retriable: boolean; message: string }) => error,
  );
}

// Batched or not, every write is answered the same way: the same postings, errors and messages.
const MODES: ReadonlyArray<{ name: string; batch: ErpBatchOptions | undefined }> = [
  { name: 'one request per write', batch: undefined },
  { name: 'writes batched (POST /erp/v1/batch)', batch: { maxItems: 20, lingerMs: 0 } },
];

describe.each(MODES)('HttpErpClient against the ERP sandbox, $name', ({ batch }) => {
  let sandbox: ErpSandboxHandle;
  let client: HttpErpClient;

  beforeAll(async () => {
    sandbox = await startErpSandbox();
    client = new HttpErpClient({ baseUrl: sandbox.baseUrl, timeoutMs: TIMEOUT_MS, ...(batch ? { batch } : {}) });
  }, 60_000);
  afterEach(async () => sandbox?.clearFaults());
  afterAll(async () => sandbox?.stop(), 15_000);

  describe.each(capabilities)('$name', ({ prefix, post }) => {
    it('when posted › returns the ERP document number, and the ledger holds it once', async () => {
      const key = unique('key');
      const posting = await post()(client, key);
      expect(posting).toMatchObject({ documentNumber: expect.stringMatching(`^${prefix}\\d+$`), idempotencyKey: key, replayed: false });
      const entries = await sandbox.ledger({ businessKey: posting.businessKey });
      expect(entries.map((entry) => entry.documentNumber)).toEqual([posting.documentNumber]);
    });

    it('when the same key and request come again › answers the original posting as a replay, posting nothing', async () => {
      const send = post();
      const key = unique('key');
      const first = await send(client, key);
      const again = await send(client, key);
      expect(again).toEqual({ ...first, replayed: true });
      expect(await sandbox.ledger({ businessKey: first.businessKey })).toHaveLength(1);
    });

    it('when the same key comes with another request › is TARGET_REJECTED, not retriable', async () => {
      const key = unique('key');
      await post()(client, key);
      expect(await failure(post()(client, key))).toMatchObject({ code: 'TARGET_REJECTED', retriable: false });
    });
  });

  it('when the request breaks the contract › is INVALID_INPUT naming the path, never the value', async () => {
    const clearAccount = '998877665544';
    const request = { ...vendor(), bankAccount: { token: clearAccount, maskedNumber: '****5544', bankCountry: 'US' } };
    const error = await failure(client.upsertVendor(request, unique('key')));
    expect(error).toMatchObject({ code: 'INVALID_INPUT', retriable: false });
    expect(error.message).toContain('bankAccount.token');
    expect(error.message).not.toContain(clearAccount);
    expect(await sandbox.ledger({ subjectId: request.supplierId })).toEqual([]);
  });

  it('when the ERP answers 5xx › is TARGET_UNAVAILABLE, and once it recovers the same call posts exactly once', async () => {
    await sandbox.setFault({ mode: 'fail', capability: 'ap-invoices', status: 502 });
    const request = apInvoice();
    const key = unique('key');
    const error = await failure(client.postApInvoice(request, key));
    expect(error).toMatchObject({ code: 'TARGET_UNAVAILABLE', retriable: true });
    expect(error.message).toBe('ERP ap-invoices POST /erp/v1/ap-invoices is unavailable (502 FAULT_INJECTED)');
    expect(await sandbox.ledger({ businessKey: request.invoiceId })).toEqual([]);

    await sandbox.clearFaults();
    const posting = await client.postApInvoice(request, key);
    expect(posting.replayed).toBe(false);
    expect((await sandbox.ledger({ businessKey: request.invoiceId })).map((entry) => entry.documentNumber)).toEqual([posting.documentNumber]);
  });

  it.each([
    { mode: 'slow' as const, delayMs: TIMEOUT_MS * 4 },
    { mode: 'timeout' as const },
  ])('when the ERP is $mode beyond timeoutMs › is TARGET_UNAVAILABLE after about timeoutMs', async (fault) => {
    await sandbox.setFault({ ...fault, capability: 'payments' });
    const started = Date.now();
    const request = paymentStatus();
    const error = await failure(client.acknowledgePaymentStatus(request, unique('key')));
    const waited = Date.now() - started;
    expect(error).toMatchObject({ code: 'TARGET_UNAVAILABLE', retriable: true });
    const path = `/erp/v1/payments/${request.paymentId.replace(':', '%3A')}/status`;
    expect(error.message).toBe(`ERP payments PUT ${path} did not answer within ${TIMEOUT_MS} ms`);
    expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(waited).toBeLessThan(TIMEOUT_MS + 1_000);
  });

  it('when nothing listens on the port › is TARGET_UNAVAILABLE, connection refused', async () => {
    const port = await new Promise<number>((resolvePort) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolvePort(free));
      });
    });
    const closed = new HttpErpClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: TIMEOUT_MS, ...(batch ? { batch } : {}) });
    const error = await failure(closed.postEncumbrance(encumbrance(), unique('key')));
    expect(error).toMatchObject({ code: 'TARGET_UNAVAILABLE', retriable: true });
    expect(error.message).toContain('could not be reached (ECONNREFUSED)');
  });
});
