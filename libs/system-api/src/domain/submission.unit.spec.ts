import { decideExistingKey, idempotencySlot, isValidIdempotencyKey, receiptFor, type SubmissionReceipt } from './submission';

const receipt: SubmissionReceipt = {
  trackingId: 't-1',
  documentType: 'invoices',
  businessId: 'INV-1',
  status: 'ACCEPTED',
  acceptedAt: '2030-01-01T00:00:00.000Z',
  links: { status: '/v1/submissions/t-1' },
};

describe('a request whose Idempotency-Key is already claimed', () => {
  it('with the same body and a finished first request › replays its receipt', () => {
    expect(decideExistingKey({ fingerprint: 'f', trackingId: 't-1', state: 'done', receipt }, 'f')).toEqual({ kind: 'replay', receipt });
  });
  it('with the same body while the first is still publishing › waits', () => {
    expect(decideExistingKey({ fingerprint: 'f', trackingId: 't-1', state: 'pending' }, 'f')).toEqual({ kind: 'wait' });
  });
  it('with a different body › conflicts', () => {
    expect(decideExistingKey({ fingerprint: 'f', trackingId: 't-1', state: 'done', receipt }, 'g')).toEqual({ kind: 'conflict' });
  });
});

describe('Idempotency-Key values', () => {
  it('are 1-255 visible ASCII characters', () => {
    expect(isValidIdempotencyKey('PO-1/rev-2')).toBe(true);
    expect(isValidIdempotencyKey('')).toBe(false);
    expect(isValidIdempotencyKey('has space')).toBe(false);
    expect(isValidIdempotencyKey('x'.repeat(256))).toBe(false);
  });
  it('are scoped per client', () => {
    expect(idempotencySlot('a', 'k')).not.toBe(idempotencySlot('b', 'k'));
  });
});

it('a receipt links to its submission status', () => {
  const input = { documentType: 'invoices', businessId: 'INV-1', topic: 't', key: 'k', value: {}, idempotencyKey: undefined, client: 'c' };
  expect(receiptFor(input, 'abc', new Date('2030-01-01T00:00:00Z'))).toEqual({ ...receipt, trackingId: 'abc', links: { status: '/v1/submissions/abc' } });
});
