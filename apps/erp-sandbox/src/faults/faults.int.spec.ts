import { encumbrance, Sandbox, uniqueKey, type Answer } from '../erp-sandbox.harness.spec';

const VENDOR = {
  legalName: 'Acme Medical Supply LLC',
  status: 'ACTIVE',
  remitTo: { line1: '1 Main St', city: 'Springfield', postalCode: '62701', country: 'US' },
};

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('injected faults', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await Sandbox.start();
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.send('DELETE', '/sandbox/v1/faults'));

  const setFault = (spec: Record<string, unknown>): Promise<Answer> => sandbox.send('POST', '/sandbox/v1/faults', spec);
  const postEncumbrance = (body = encumbrance(), key = uniqueKey('enc'), signal?: AbortSignal): Promise<Answer> =>
    sandbox.write('POST', '/erp/v1/encumbrances', body, key, signal);

  describe("when encumbrances are set to 'fail'", () => {
    it('answers 503 FAULT_INJECTED and the ledger is unchanged, while vendors still work', async () => {
      expect((await setFault({ mode: 'fail', capability: 'encumbrances' })).status).toBe(201);
      const before = await sandbox.ledger('kind=ENCUMBRANCE');
      const answer = await postEncumbrance();
      expect(answer).toMatchObject({ status: 503, body: { error: 'FAULT_INJECTED' } });
      expect(await sandbox.ledger('kind=ENCUMBRANCE')).toEqual(before);
      expect((await sandbox.write('PUT', `/erp/v1/vendors/${uniqueKey('SUP')}`, VENDOR, uniqueKey('v'))).status).toBe(200);
    });

    it('with a status and a duration › answers that status with Retry-After, and GET shows the rule', async () => {
      await setFault({ mode: 'fail', capability: 'encumbrances', status: 502, durationMs: 60_000 });
      const answer = await postEncumbrance();
      expect(answer.status).toBe(502);
      expect(Number(answer.headers.get('Retry-After'))).toBeGreaterThan(50);
      expect((await sandbox.get('/sandbox/v1/faults')).body).toMatchObject({
        faults: [{ mode: 'fail', capability: 'encumbrances', status: 502, until: expect.any(String), remaining: null }],
        held: 0,
      });
    });

    it('for the next request only › the first fails, the retry with the same key is accepted once', async () => {
      await setFault({ mode: 'fail', count: 1 });
      const body = encumbrance();
      const key = uniqueKey('retry');
      expect((await postEncumbrance(body, key)).status).toBe(503);
      const retried = await postEncumbrance(body, key);
      expect(retried.status).toBe(201);
      expect(await sandbox.ledger(`subjectId=${body.poNumber}`)).toHaveLength(1);
    });

    it('and then cleared › posts again', async () => {
      await setFault({ mode: 'fail', capability: 'encumbrances' });
      expect((await postEncumbrance()).status).toBe(503);
      const cleared = await sandbox.send('DELETE', '/sandbox/v1/faults?capability=encumbrances');
      expect(cleared.body).toEqual({ cleared: 1, faults: [] });
      expect((await postEncumbrance()).status).toBe(201);
    });
  });

  describe("when set to 'slow'", () => {
    it('answers normally, after the delay', async () => {
      await setFault({ mode: 'slow', delayMs: 400 });
      const started = Date.now();
      const answer = await postEncumbrance();
      expect(answer.status).toBe(201);
      expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    });
  });

  describe("when set to 'timeout'", () => {
    it('does not answer within the client timeout, and posts nothing', async () => {
      await setFault({ mode: 'timeout', capability: 'encumbrances' });
      const body = encumbrance();
      await expect(postEncumbrance(body, uniqueKey('t'), AbortSignal.timeout(300))).rejects.toMatchObject({ name: 'TimeoutError' });
      expect(await sandbox.ledger(`subjectId=${body.poNumber}`)).toEqual([]);
      // the abandoned request is no longer held
      const faults = await eventually(() => sandbox.get('/sandbox/v1/faults'), (a) => a.body.held === 0);
      expect(faults.body.held).toBe(0);
    });

    it('until released › release closes the held connection unanswered', async () => {
      await setFault({ mode: 'timeout' });
      const pending = postEncumbrance(encumbrance(), uniqueKey('held'), AbortSignal.timeout(10_000)).then(
        (answer) => ({ answered: answer.status }),
        (error: Error) => ({ failed: error.name }),
      );
      await eventually(() => sandbox.get('/sandbox/v1/faults'), (a) => a.body.held === 1);
      const started = Date.now();
      expect((await sandbox.send('POST', '/sandbox/v1/faults/release')).body).toEqual({ released: 1 });
      expect(await pending).toEqual({ failed: 'TypeError' });
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it("with afterHold 'proceed' › the late posting lands, and the client's retry with the same key is a replay, not a double", async () => {
      await setFault({ mode: 'timeout', capability: 'encumbrances', holdMs: 500, afterHold: 'proceed', count: 1 });
      const body = encumbrance();
      const key = uniqueKey('late');
      await expect(postEncumbrance(body, key, AbortSignal.timeout(100))).rejects.toMatchObject({ name: 'TimeoutError' });
      const landed = await eventually(() => sandbox.ledger(`subjectId=${body.poNumber}`), (entries) => entries.length === 1);
      expect(landed).toHaveLength(1);
      const retried = await postEncumbrance(body, key);
      expect(retried.status).toBe(200);
      expect(retried.headers.get('Idempotent-Replayed')).toBe('true');
      expect(await sandbox.ledger(`subjectId=${body.poNumber}`)).toHaveLength(1);
    });

    it('and faults are cleared › requests are answered again', async () => {
      await setFault({ mode: 'timeout', holdMs: 60_000 });
      await expect(postEncumbrance(encumbrance(), uniqueKey('t'), AbortSignal.timeout(200))).rejects.toMatchObject({ name: 'TimeoutError' });
      await sandbox.send('DELETE', '/sandbox/v1/faults');
      expect((await postEncumbrance()).status).toBe(201);
    });
  });

  it('never faults the ledger, the sandbox controls or the health probe', async () => {
    await setFault({ mode: 'fail' });
    expect((await sandbox.get('/erp/v1/ledger')).status).toBe(200);
    expect((await sandbox.get('/erp/v1/ledger/summary')).status).toBe(200);
    expect((await sandbox.get('/health/live')).status).toBe(200);
    expect((await sandbox.get('/sandbox/v1/faults')).status).toBe(200);
  });

  it('when a fault request is invalid › answers 400 with field paths', async () => {
    const answer = await setFault({ mode: 'slow', capability: 'ledger' });
    expect(answer.status).toBe(400);
    expect(answer.body.problems.map((p: { path: string }) => p.path)).toEqual(['capability', 'delayMs']);
  });
});
