import type { LedgerEntry } from '../domain/posting';
import { entryView } from '../ledger/entry-view';
import { answerWrite, isRefusal } from './write-answer';

const ENTRY: LedgerEntry = {
  kind: 'ENCUMBRANCE',
  businessKey: 'PO-1/1/1/ENCUMBER',
  subjectId: 'PO-1',
  facilityId: 'FAC-NORTH',
  currency: 'USD',
  amount: '10.00',
  direction: 'ENCUMBER',
  record: {},
  sequence: 7,
  documentNumber: 'ENC-00000007',
  idempotencyKey: 'k-1',
  fingerprint: 'f',
  acceptedAt: '2026-03-01T10:00:00.000Z',
};
const PROBLEM = { path: 'amount', code: 'WRONG_TYPE', message: 'must be a decimal string' } as const;

describe('the answer to a write', () => {
  it('when accepted › the created status (201 POST, 200 PUT) with the entry view, not replayed', () => {
    expect(answerWrite({ outcome: 'ACCEPTED', entry: ENTRY }, 201)).toEqual({ status: 201, replayed: false, body: entryView(ENTRY) });
    expect(answerWrite({ outcome: 'ACCEPTED', entry: ENTRY }, 200)).toEqual({ status: 200, replayed: false, body: entryView(ENTRY) });
  });

  it('when replayed › 200 with the original entry, replayed; the fingerprint never leaves', () => {
    const answer = answerWrite({ outcome: 'REPLAYED', entry: ENTRY }, 201);
    expect(answer).toEqual({ status: 200, replayed: true, body: entryView(ENTRY) });
    expect(answer.body).not.toHaveProperty('fingerprint');
    expect(isRefusal(answer)).toBe(false);
  });

  it('when the key is missing › 400 IDEMPOTENCY_KEY_REQUIRED with its problem', () => {
    const problem = { path: 'headers.Idempotency-Key', code: 'MISSING', message: 'is required on every write' } as const;
    expect(answerWrite({ outcome: 'MISSING_KEY', problems: [problem] }, 201)).toEqual({
      status: 400,
      replayed: false,
      body: { error: 'IDEMPOTENCY_KEY_REQUIRED', message: expect.any(String), problems: [problem] },
    });
  });

  it('when the body is invalid › 400 VALIDATION_FAILED naming each path', () => {
    const answer = answerWrite({ outcome: 'INVALID', problems: [PROBLEM] }, 200);
    expect(answer).toEqual({ status: 400, replayed: false, body: { error: 'VALIDATION_FAILED', message: '1 problem(s): amount: must be a decimal string', problems: [PROBLEM] } });
    expect(isRefusal(answer)).toBe(true);
  });

  it('when the key answered a different request › 409 IDEMPOTENCY_KEY_REUSED naming the original document', () => {
    expect(answerWrite({ outcome: 'KEY_REUSED', original: ENTRY }, 201)).toEqual({
      status: 409,
      replayed: false,
      body: { error: 'IDEMPOTENCY_KEY_REUSED', message: expect.stringContaining('ENC-00000007') },
    });
  });
});
