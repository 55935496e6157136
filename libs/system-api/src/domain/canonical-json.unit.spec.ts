import { canonicalJson, requestFingerprint } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('drops undefined members as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson([undefined])).toBe('[null]');
  });

  it('gives the same fingerprint to the same document whatever its key order', () => {
    expect(requestFingerprint('invoices', { id: 'I-1', amount: '10.00' })).toBe(requestFingerprint('invoices', { amount: '10.00', id: 'I-1' }));
  });

  it('gives a different fingerprint to a different body or document type', () => {
    const base = requestFingerprint('invoices', { id: 'I-1', amount: '10.00' });
    expect(requestFingerprint('invoices', { id: 'I-1', amount: '10.01' })).not.toBe(base);
    expect(requestFingerprint('payments', { id: 'I-1', amount: '10.00' })).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});
