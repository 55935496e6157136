import { IdempotencyInvalidArgumentError } from '../errors';
import {
  IDEMPOTENCY_KEY_PREFIX,
  eventKey,
  hashKeyPart,
  invoiceKey,
  paymentKey,
  purchaseOrderKey,
  targetCallKey,
} from './business-keys';

describe('business identity keys', () => {
  describe('an invoice', () => {
    const base = { supplierId: 'SUP-42', invoiceNumber: 'inv-00123', amount: '100.50', currency: 'eur' };

    it('is keyed by supplier, normalised number, canonical amount and currency', () => {
      expect(invoiceKey(base)).toBe('p2p:idem:v1:invoice:SUP-42:INV123:100.5:EUR');
    });

    it('when the same invoice is written another way › gives the same key', () => {
      expect(invoiceKey({ ...base, invoiceNumber: 'INV 123', amount: '100.5000', currency: 'EUR' })).toBe(invoiceKey(base));
    });

    it('when the supplier, number, amount or currency differs › gives another key', () => {
      const keys = [
        invoiceKey(base),
        invoiceKey({ ...base, supplierId: 'SUP-43' }),
        invoiceKey({ ...base, invoiceNumber: 'INV124' }),
        invoiceKey({ ...base, amount: '100.51' }),
        invoiceKey({ ...base, amount: '-100.50' }),
        invoiceKey({ ...base, currency: 'USD' }),
      ];
      expect(new Set(keys).size).toBe(keys.length);
    });

    it('when the amount is not a decimal string › is refused', () => {
      expect(() => invoiceKey({ ...base, amount: '1.005e2' })).toThrow(IdempotencyInvalidArgumentError);
    });
  });

  it('a purchase order is keyed by PO number and revision', () => {
    expect(purchaseOrderKey({ poNumber: 'PO-2024-0042', revision: 3 })).toBe('p2p:idem:v1:po:PO-2024-0042:r3');
    expect(purchaseOrderKey({ poNumber: 'PO-2024-0042', revision: '03' })).toBe(purchaseOrderKey({ poNumber: 'PO-2024-0042', revision: 3 }));
  });

  it('a payment is keyed by payment id and upper-cased status', () => {
    expect(paymentKey({ paymentId: 'PAY-9', status: 'Completed' })).toBe('p2p:idem:v1:payment:PAY-9:COMPLETED');
  });

  it('a target-system call hashes its business key, which may be sensitive', () => {
    const businessKey = 'supplier SUP-42 bank account DE89370400440532013000';
    const key = targetCallKey({ system: 'erp', operation: 'update-bank-details', businessKey });
    expect(key).toBe(`p2p:idem:v1:call:erp:update-bank-details:${hashKeyPart(businessKey)}`);
    expect(key).not.toContain('DE89');
    expect(hashKeyPart(businessKey)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a hashed part is the SHA-256 of the UTF-8 text in lower-case hex (keys written earlier keep matching)', () => {
    expect(hashKeyPart('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashKeyPart('é')).toBe('4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c');
  });

  it('an event is keyed by consumer group and event id', () => {
    expect(eventKey({ consumerGroup: 'invoice-sync', eventId: '7c1f' })).toBe('p2p:idem:v1:event:invoice-sync:7c1f');
  });

  it('when an identifier holds ":" › it is encoded so it cannot run into the next part', () => {
    const a = eventKey({ consumerGroup: 'g:1', eventId: '2' });
    const b = eventKey({ consumerGroup: 'g', eventId: '1:2' });
    expect(a).toBe('p2p:idem:v1:event:g%3A1:2');
    expect(a).not.toBe(b);
  });

  it('when an identifier is empty or too long › is refused, naming the field', () => {
    expect(() => eventKey({ consumerGroup: ' ', eventId: '1' })).toThrow(/consumerGroup must be a non-empty string/);
    expect(() => paymentKey({ paymentId: 'p'.repeat(161), status: 'X' })).toThrow(/paymentId is too long/);
  });

  it('every key starts with the common, versioned prefix', () => {
    expect(IDEMPOTENCY_KEY_PREFIX).toBe('p2p:idem:v1:');
  });
});
