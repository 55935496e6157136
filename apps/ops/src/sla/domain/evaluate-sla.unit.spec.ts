import { countSlaEvaluations, evaluateSla, isBreach, type SlaStart, type SlaStop } from './evaluate-sla';
import { DEFAULT_SLAS, type SlaDefinition } from './sla-definition';

const [poInErp, invoicePosted, paymentBack] = DEFAULT_SLAS as [SlaDefinition, SlaDefinition, SlaDefinition];
const at = (hhmmss: string): Date => new Date(`2026-03-02T${hhmmss}Z`);
const start = (docId: string, eventType: string, time: string): SlaStart => ({ docId, facilityId: 'FAC-NORTH', eventType, at: at(time) });
const stop = (docId: string, time: string, status: string | null = null): SlaStop => ({ docId, at: at(time), status });

describe('evaluating an SLA', () => {
  describe('PO in the ERP within 5 minutes of approval', () => {
    it('is MET when the first ERP posting comes within 5 minutes', () => {
      const [evaluation] = evaluateSla(poInErp, [start('PO-1', 'PurchaseOrderApproved', '10:00:00')], [stop('PO-1', '10:04:59')], at('12:00:00'));
      expect(evaluation).toMatchObject({ slaId: 'po-in-erp', docType: 'PURCHASE_ORDER', docId: 'PO-1', state: 'MET', completedAt: at('10:04:59'), dueAt: at('10:05:00') });
    });

    it('is MET exactly at the due time and LATE one millisecond after', () => {
      const due = evaluateSla(poInErp, [start('PO-1', 'PurchaseOrderApproved', '10:00:00')], [stop('PO-1', '10:05:00')], at('12:00:00'));
      expect(due[0]?.state).toBe('MET');
      const late = evaluateSla(poInErp, [start('PO-1', 'PurchaseOrderApproved', '10:00:00')], [{ docId: 'PO-1', at: new Date(at('10:05:00').getTime() + 1), status: null }], at('12:00:00'));
      expect(late[0]).toMatchObject({ state: 'LATE' });
      expect(late.map(isBreach)).toEqual([true]);
    });

    it('is OPEN (a breach, still open) when overdue without any posting, PENDING before it is due', () => {
      const starts = [start('PO-1', 'PurchaseOrderApproved', '10:00:00')];
      expect(evaluateSla(poInErp, starts, [], at('10:06:00'))[0]).toMatchObject({ state: 'OPEN', completedAt: null });
      expect(evaluateSla(poInErp, starts, [], at('10:04:00'))[0]).toMatchObject({ state: 'PENDING' });
    });

    it('ignores postings of other documents and postings before the start', () => {
      const [evaluation] = evaluateSla(poInErp, [start('PO-1', 'PurchaseOrderApproved', '10:00:00')], [stop('PO-2', '10:01:00'), stop('PO-1', '09:59:00')], at('11:00:00'));
      expect(evaluation?.state).toBe('OPEN');
    });

    it('starts the clock only on the configured events', () => {
      expect(evaluateSla(poInErp, [start('PO-1', 'PurchaseOrderChanged', '10:00:00')], [], at('11:00:00'))).toEqual([]);
    });
  });

  it('invoice posted within a day of matching: LATE after 24 hours', () => {
    const [evaluation] = evaluateSla(invoicePosted, [start('INV-1', 'InvoiceMatched', '00:00:00')], [{ docId: 'INV-1', at: new Date('2026-03-03T00:00:01Z'), status: null }], new Date('2026-03-04T00:00:00Z'));
    expect(evaluation).toMatchObject({ docType: 'INVOICE', state: 'LATE' });
  });

  describe('payment status back within an hour', () => {
    it('matches each status event with the acknowledgement of that status', () => {
      const starts = [start('PMT-1', 'PaymentScheduled', '09:00:00'), start('PMT-1', 'PaymentCompleted', '10:00:00')];
      const stops = [stop('PMT-1', '09:10:00', 'SCHEDULED'), stop('PMT-1', '11:30:00', 'COMPLETED')];
      const evaluations = evaluateSla(paymentBack, starts, stops, at('12:00:00'));
      expect(evaluations.map((e) => [e.startEvent, e.state])).toEqual([
        ['PaymentScheduled', 'MET'],
        ['PaymentCompleted', 'LATE'],
      ]);
    });

    it('is OPEN when the status was never acknowledged, even if another status was', () => {
      const [evaluation] = evaluateSla(paymentBack, [start('PMT-1', 'PaymentFailed', '09:00:00')], [stop('PMT-1', '09:01:00', 'SCHEDULED')], at('12:00:00'));
      expect(evaluation?.state).toBe('OPEN');
    });
  });

  it('counts per SLA, listing SLAs with nothing to evaluate', () => {
    const evaluations = [
      ...evaluateSla(poInErp, [start('PO-1', 'PurchaseOrderApproved', '10:00:00'), start('PO-2', 'PurchaseOrderApproved', '10:00:00'), start('PO-3', 'PurchaseOrderApproved', '11:58:00')], [stop('PO-1', '10:01:00'), stop('PO-2', '10:30:00')], at('12:00:00')),
    ];
    expect(countSlaEvaluations(DEFAULT_SLAS, evaluations)).toEqual([
      expect.objectContaining({ slaId: 'po-in-erp', evaluated: 3, met: 1, late: 1, open: 0, pending: 1, breaches: 1 }),
      expect.objectContaining({ slaId: 'invoice-posted', evaluated: 0, breaches: 0 }),
      expect.objectContaining({ slaId: 'payment-status-back', evaluated: 0, breaches: 0 }),
    ]);
  });
});
