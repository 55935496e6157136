import { ProcessingError } from '@procurelink/messaging';
import type { ErpCall } from './erp-call';
import { isReplayed, postingFromSuccess } from './erp-response-mapping';

const call: ErpCall = { capability: 'encumbrances', method: 'POST', path: '/erp/v1/encumbrances', idempotencyKey: 'PO-1/2/3/ENCUMBER' };
const entry = {
  sequence: 42,
  documentNumber: 'ENC-00000042',
  kind: 'ENCUMBRANCE',
  businessKey: 'PO-1/2/3/ENCUMBER',
  subjectId: 'PO-1',
  idempotencyKey: 'PO-1/2/3/ENCUMBER',
  acceptedAt: '2026-03-01T10:00:00.123Z',
  amount: '1250.5000',
  record: { poNumber: 'PO-1' },
};

function unavailable(outcome: unknown): ProcessingError {
  expect(outcome).toBeInstanceOf(ProcessingError);
  expect(outcome).toMatchObject({ code: 'TARGET_UNAVAILABLE', retriable: true });
  return outcome as ProcessingError;
}

describe('reading a successful ERP answer', () => {
  it('when the body is the ledger entry › returns the posting with the contract fields only', () => {
    expect(postingFromSuccess(call, 201, entry, false)).toEqual({
      sequence: 42,
      documentNumber: 'ENC-00000042',
      kind: 'ENCUMBRANCE',
      businessKey: 'PO-1/2/3/ENCUMBER',
      idempotencyKey: 'PO-1/2/3/ENCUMBER',
      acceptedAt: '2026-03-01T10:00:00.123Z',
      replayed: false,
    });
  });

  it('when the answer was a replay › says so', () => {
    expect(postingFromSuccess(call, 200, entry, true)).toMatchObject({ documentNumber: 'ENC-00000042', replayed: true });
  });

  it('when the body is not an object › is TARGET_UNAVAILABLE naming the call and status', () => {
    for (const body of [undefined, null, 'ok', [entry]]) {
      expect(unavailable(postingFromSuccess(call, 201, body, false)).message).toBe(
        'ERP encumbrances POST /erp/v1/encumbrances answered 201 with a body that is not a posting: not a JSON object',
      );
    }
  });

  it('when fields are missing or malformed › names them', () => {
    const { documentNumber: _dropped, ...withoutNumber } = entry;
    expect(unavailable(postingFromSuccess(call, 201, { ...withoutNumber, sequence: '42' }, false)).message).toContain(
      'missing or malformed sequence, documentNumber',
    );
  });

  it('when the posting is of another kind or another key › is TARGET_UNAVAILABLE', () => {
    expect(unavailable(postingFromSuccess(call, 201, { ...entry, kind: 'AP_INVOICE' }, false)).message).toContain('kind is not ENCUMBRANCE');
    expect(unavailable(postingFromSuccess(call, 201, { ...entry, idempotencyKey: 'other' }, false)).message).toContain(
      'another idempotency key',
    );
  });

  it('the Idempotent-Replayed header › is true only when it says true', () => {
    expect(isReplayed('true')).toBe(true);
    expect(isReplayed(' TRUE ')).toBe(true);
    expect(isReplayed('false')).toBe(false);
    expect(isReplayed(null)).toBe(false);
  });
});
