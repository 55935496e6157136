import { ProcessingError } from '@procurelink/messaging';
import type { ErpCall } from './erp-call';
import { batchRequestText, batchUnsupported, readBatchAnswer, type BatchedWrite } from './erp-batch-wire';

const encumbrance: ErpCall = { capability: 'encumbrances', method: 'POST', path: '/erp/v1/encumbrances', idempotencyKey: 'PO-1/1/1/ENCUMBER' };
const vendor: ErpCall = { capability: 'vendors', method: 'PUT', path: '/erp/v1/vendors/SUP-1', idempotencyKey: 'SUP-1/v3' };
const writes: BatchedWrite[] = [
  { call: encumbrance, body: { poNumber: 'PO-1', amount: '10.50' } },
  { call: vendor, body: { legalName: 'Northwind' } },
];

const entry = (call: ErpCall, kind: string, sequence: number) => ({
  sequence,
  documentNumber: `DOC-${sequence}`,
  kind,
  businessKey: call.idempotencyKey,
  idempotencyKey: call.idempotencyKey,
  acceptedAt: '2026-03-01T10:00:00.000Z',
  record: { anything: 'dropped' },
});

const outcomesOf = (...args: Parameters<typeof readBatchAnswer>) => readBatchAnswer(...args).map((answer) => answer.outcome);

function error(outcome: unknown): ProcessingError {
  expect(outcome).toBeInstanceOf(ProcessingError);
  return outcome as ProcessingError;
}

describe('the ERP batch wire format', () => {
  it('when writes are batched › each goes as method, path, key and its body, in order', () => {
    expect(JSON.parse(batchRequestText(writes))).toEqual({
      requests: [
        { method: 'POST', path: '/erp/v1/encumbrances', idempotencyKey: 'PO-1/1/1/ENCUMBER', body: { poNumber: 'PO-1', amount: '10.50' } },
        { method: 'PUT', path: '/erp/v1/vendors/SUP-1', idempotencyKey: 'SUP-1/v3', body: { legalName: 'Northwind' } },
      ],
    });
  });

  it('when each response is a posting › answers each write with its own posting, replayed as flagged', () => {
    const outcomes = outcomesOf(writes, 200, {
      responses: [
        { status: 201, replayed: false, body: entry(encumbrance, 'ENCUMBRANCE', 7) },
        { status: 200, replayed: true, body: entry(vendor, 'VENDOR_UPSERT', 3) },
      ],
    });
    expect(outcomes).toEqual([
      expect.objectContaining({ documentNumber: 'DOC-7', kind: 'ENCUMBRANCE', replayed: false }),
      expect.objectContaining({ documentNumber: 'DOC-3', kind: 'VENDOR_UPSERT', replayed: true }),
    ]);
    expect(outcomes[0]).not.toHaveProperty('record');
  });

  it('when one response is refused › only that write fails, classified as its own answer would be', () => {
    const outcomes = outcomesOf(writes, 200, {
      responses: [
        { status: 400, replayed: false, body: { error: 'VALIDATION_FAILED', message: 'amount 10.5', problems: [{ path: 'amount', code: 'WRONG_TYPE', message: 'x' }] } },
        { status: 200, replayed: false, body: entry(vendor, 'VENDOR_UPSERT', 3) },
      ],
    });
    expect(error(outcomes[0])).toMatchObject({ code: 'INVALID_INPUT', retriable: false });
    expect(error(outcomes[0]).message).toBe('ERP encumbrances POST /erp/v1/encumbrances refused the request (400 VALIDATION_FAILED): amount WRONG_TYPE');
    expect(outcomes[1]).toMatchObject({ documentNumber: 'DOC-3' });
  });

  it('when a response is an injected fault or a reused key › retriable and rejected for good respectively', () => {
    const outcomes = outcomesOf(writes, 200, {
      responses: [
        { status: 503, replayed: false, body: { error: 'FAULT_INJECTED', message: 'down' } },
        { status: 409, replayed: false, body: { error: 'IDEMPOTENCY_KEY_REUSED', message: 'used' } },
      ],
    });
    expect(error(outcomes[0])).toMatchObject({ code: 'TARGET_UNAVAILABLE', retriable: true });
    expect(error(outcomes[1])).toMatchObject({ code: 'TARGET_REJECTED', retriable: false });
  });

  it('when the whole batch is answered with an error status › every write gets that answer', () => {
    const outcomes = outcomesOf(writes, 503, { error: 'FAULT_INJECTED', message: 'down' });
    expect(outcomes.map((o) => error(o).code)).toEqual(['TARGET_UNAVAILABLE', 'TARGET_UNAVAILABLE']);
    expect(error(outcomes[1]).message).toBe('ERP vendors PUT /erp/v1/vendors/SUP-1 is unavailable (503 FAULT_INJECTED)');
  });

  it('when a 200 does not hold one response per write › every write is retriable', () => {
    for (const body of [{ responses: [{ status: 201 }] }, { nothing: true }, null, 'text']) {
      const outcomes = outcomesOf(writes, 200, body);
      expect(outcomes.map((o) => error(o).code)).toEqual(['TARGET_UNAVAILABLE', 'TARGET_UNAVAILABLE']);
    }
  });

  it('when a response has no status or a success without a posting › that write is retriable', () => {
    const outcomes = outcomesOf(writes, 200, { responses: [{ replayed: false }, { status: 200, body: { sequence: 1 } }] });
    expect(error(outcomes[0]).message).toBe('ERP encumbrances POST /erp/v1/encumbrances in a batch was answered without a status');
    expect(error(outcomes[1])).toMatchObject({ code: 'TARGET_UNAVAILABLE' });
  });

  it('when answered › each write carries the status it was given, or null when it had none', () => {
    const statuses = (status: number, body: unknown) => readBatchAnswer(writes, status, body).map((answer) => answer.status);
    expect(statuses(200, { responses: [{ status: 201, body: {} }, { body: {} }] })).toEqual([201, null]);
    expect(statuses(502, {})).toEqual([502, 502]);
    expect(statuses(200, { responses: [] })).toEqual([null, null]);
  });

  it('when the endpoint is missing (404, 405) › the batch is unsupported; other statuses are not', () => {
    expect([404, 405, 200, 400, 503].map(batchUnsupported)).toEqual([true, true, false, false, false]);
  });
});
