import { canonicalJson, decideIdempotentWrite, parseIdempotencyKey, requestFingerprint } from './idempotency';

describe('the Idempotency-Key header', () => {
  it('when it is absent or empty › is MISSING at headers.Idempotency-Key', () => {
    for (const header of [undefined, '']) {
      expect(parseIdempotencyKey(header)).toEqual({ ok: false, problem: { path: 'headers.Idempotency-Key', code: 'MISSING', message: 'is required on every write' } });
    }
  });

  it('when it holds spaces or is longer than 255 › is MALFORMED', () => {
    expect(parseIdempotencyKey('a key')).toMatchObject({ ok: false, problem: { code: 'MALFORMED' } });
    expect(parseIdempotencyKey('k'.repeat(256))).toMatchObject({ ok: false, problem: { code: 'MALFORMED' } });
  });

  it('when it is a business key or a UUID › is accepted as sent', () => {
    expect(parseIdempotencyKey('PO-1/2/3/ENCUMBER')).toEqual({ ok: true, key: 'PO-1/2/3/ENCUMBER' });
    expect(parseIdempotencyKey('0b9c8f9e-2f55-4a57-9d35-8f5f0c3f6d0b')).toMatchObject({ ok: true });
  });
});

describe('the request fingerprint', () => {
  it('when two bodies differ only in key order › they have the same fingerprint', () => {
    expect(requestFingerprint('POST', '/erp/v1/encumbrances', { a: '1', b: { c: 2, d: [1, { e: 'x', f: null }] } })).toBe(
      requestFingerprint('post', '/erp/v1/encumbrances', { b: { d: [1, { f: null, e: 'x' }], c: 2 }, a: '1' }),
    );
  });

  it('when the amount is spelt differently, or the path differs › the fingerprints differ', () => {
    const base = requestFingerprint('POST', '/erp/v1/encumbrances', { amount: '10.5' });
    expect(requestFingerprint('POST', '/erp/v1/encumbrances', { amount: '10.50' })).not.toBe(base);
    expect(requestFingerprint('POST', '/erp/v1/ap-invoices', { amount: '10.5' })).not.toBe(base);
  });

  it('canonical JSON sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [2, 'x'] } })).toBe('{"a":{"c":[2,"x"]},"b":1}');
  });
});

describe('deciding an idempotent write', () => {
  const original = { fingerprint: 'f1', documentNumber: 'ENC-00000001' };

  it('when nothing holds the key › executes', () => {
    expect(decideIdempotentWrite(undefined, 'f1')).toEqual({ decision: 'EXECUTE' });
  });

  it('when the same request holds the key › replays the original', () => {
    expect(decideIdempotentWrite(original, 'f1')).toEqual({ decision: 'REPLAY', original });
  });

  it('when a different request holds the key › is a conflict', () => {
    expect(decideIdempotentWrite(original, 'f2')).toEqual({ decision: 'CONFLICT', original });
  });
});
