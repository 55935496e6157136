import { decidePaymentEvent } from './decide-payment-event';
import { completed, contextWith, failed, HOLD, money, replay, scheduled, SUPPLIER_ID, voided } from './payment-events.fixture.spec';
import type { PaymentEvent } from './payment-event';
import { toStatusUpdates } from './payment-status-updates';

function updatesAfter(history: readonly PaymentEvent[], event: PaymentEvent, context = contextWith()) {
  return toStatusUpdates(decidePaymentEvent(replay(history), event, context));
}

describe('toStatusUpdates', () => {
  describe('when a payment is scheduled', () => {
    const updates = updatesAfter([], scheduled());

    it('› tells purchasing only, per PO with its invoices', () => {
      expect(updates).toEqual([
        {
          target: 'PURCHASING',
          kind: 'PO_PAYMENT_STATUS',
          idempotencyKey: 'payment:PAY-7001:SCHEDULED:1',
          paymentId: 'PAY-7001',
          supplierId: SUPPLIER_ID,
          status: 'PAYMENT_SCHEDULED',
          attempt: 1,
          purchaseOrders: [
            { poNumber: 'PO-100', invoiceIds: ['INV-1', 'INV-3'] },
            { poNumber: 'PO-200', invoiceIds: ['INV-2'] },
          ],
          invoicesWithoutPo: [],
          amount: money('1250.00'),
          scheduledDate: '2025-06-05',
          effectiveAt: new Date('2025-06-02T09:00:00.000Z'),
          reversal: false,
        },
      ]);
    });

    it('› never carries the bank account, not even masked', () => {
      expect(JSON.stringify(updates)).not.toMatch(/tok_bank_secret|4321|bankAccount/);
    });
  });

  describe('when an invoice bills no known PO', () => {
    it('› lists it apart for purchasing', () => {
      const [update] = updatesAfter([], scheduled({ invoiceIds: ['INV-1', 'INV-NON-PO'] }));
      expect(update).toMatchObject({ purchaseOrders: [{ poNumber: 'PO-100', invoiceIds: ['INV-1'] }], invoicesWithoutPo: ['INV-NON-PO'] });
    });
  });

  describe('when a payment completes', () => {
    const updates = updatesAfter([scheduled()], completed());

    it('› tells purchasing PAID and AP automation that its invoices are paid, with the bank reference', () => {
      expect(updates.map((update) => [update.target, update.kind, 'status' in update ? update.status : undefined])).toEqual([
        ['PURCHASING', 'PO_PAYMENT_STATUS', 'PAID'],
        ['AP_AUTOMATION', 'INVOICE_PAYMENT_STATUS', 'PAID'],
      ]);
      expect(updates[1]).toEqual({
        target: 'AP_AUTOMATION',
        kind: 'INVOICE_PAYMENT_STATUS',
        idempotencyKey: 'payment:PAY-7001:COMPLETED:1',
        paymentId: 'PAY-7001',
        supplierId: SUPPLIER_ID,
        status: 'PAID',
        invoiceIds: ['INV-1', 'INV-2', 'INV-3'],
        amount: money('1250.00'),
        effectiveAt: new Date('2025-06-05T14:00:00.000Z'),
        bankReference: 'ACH-TRACE-991',
        failure: null,
        voidReason: null,
        reversal: false,
      });
    });
  });

  describe('when a payment fails', () => {
    it('› gives AP automation the failure code and reason', () => {
      const ap = updatesAfter([scheduled()], failed()).find((update) => update.target === 'AP_AUTOMATION');
      expect(ap).toMatchObject({
        status: 'PAYMENT_FAILED',
        failure: { code: 'R03', reason: 'No account / unable to locate account' },
        bankReference: null,
        reversal: false,
      });
    });

    it('› after completion (a bank return) › marks both updates as a reversal', () => {
      const updates = updatesAfter([scheduled(), completed()], failed());
      expect(updates.map((update) => 'reversal' in update && update.reversal)).toEqual([true, true]);
    });
  });

  describe('when a completed payment is voided', () => {
    it('› tells both targets PAYMENT_VOIDED as a reversal, with the reason for AP', () => {
      const updates = updatesAfter([scheduled(), completed()], voided());
      expect(updates).toMatchObject([
        { target: 'PURCHASING', status: 'PAYMENT_VOIDED', reversal: true },
        { target: 'AP_AUTOMATION', status: 'PAYMENT_VOIDED', voidReason: 'Duplicate payment run', bankReference: null, reversal: true },
      ]);
    });
  });

  describe('when a schedule is refused because the supplier is on hold', () => {
    it('› sends AP automation a PAYMENT_BLOCKED hold notice and nothing to purchasing', () => {
      expect(updatesAfter([], scheduled(), contextWith(HOLD))).toEqual([
        {
          target: 'AP_AUTOMATION',
          kind: 'SUPPLIER_PAYMENT_HOLD',
          idempotencyKey: 'payment-hold:PAY-7001:PAYMENT_BLOCKED:1',
          situation: 'PAYMENT_BLOCKED',
          paymentId: 'PAY-7001',
          supplierId: SUPPLIER_ID,
          invoiceIds: ['INV-1', 'INV-2', 'INV-3'],
          amount: money('1250.00'),
          holdReason: 'BANK_DETAILS_UNCONFIRMED',
          heldSince: HOLD.since,
        },
      ]);
    });
  });

  describe('when a payment completes during a hold', () => {
    it('› adds a PAID_DURING_HOLD notice for AP to the two status updates', () => {
      const updates = updatesAfter([scheduled()], completed(), contextWith(HOLD));
      expect(updates.map((update) => update.kind)).toEqual(['PO_PAYMENT_STATUS', 'INVOICE_PAYMENT_STATUS', 'SUPPLIER_PAYMENT_HOLD']);
      expect(updates[2]).toMatchObject({ situation: 'PAID_DURING_HOLD', idempotencyKey: 'payment-hold:PAY-7001:PAID_DURING_HOLD:1' });
    });
  });

  describe('when the decision is a duplicate or another rejection', () => {
    it('› sends nothing', () => {
      expect(updatesAfter([scheduled()], scheduled())).toEqual([]);
      expect(updatesAfter([], completed())).toEqual([]);
      expect(updatesAfter([scheduled()], completed({ amount: money('1.00') }))).toEqual([]);
    });
  });
});
