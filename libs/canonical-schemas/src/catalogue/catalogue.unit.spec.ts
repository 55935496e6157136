import type { NamedSchemaJson } from '../schema/avro-json';
import { buildCatalogue, catalogueEntry } from './catalogue';
import { eventKey } from './event-key';
import { sampleEvents } from './sample-events.fixture.spec';
import { CANONICAL_EVENT_TYPES } from './topics';

describe('the canonical catalogue', () => {
  const catalogue = buildCatalogue();

  it('› holds every event type once, in topic order', () => {
    expect(catalogue.map((entry) => entry.eventType)).toEqual(CANONICAL_EVENT_TYPES);
    expect(new Set(CANONICAL_EVENT_TYPES).size).toBe(CANONICAL_EVENT_TYPES.length);
  });

  it.each([
    ['SupplierSynced', 'p2p.supplier.v1', 'supplierId'],
    ['SupplierBankDetailsChanged', 'p2p.supplier.v1', 'supplierId'],
    ['PurchaseOrderApproved', 'p2p.purchase-order.v1', 'poNumber'],
    ['PurchaseOrderChanged', 'p2p.purchase-order.v1', 'poNumber'],
    ['PurchaseOrderCancelled', 'p2p.purchase-order.v1', 'poNumber'],
    ['GoodsReceived', 'p2p.purchase-order.v1', 'poNumber'],
    ['InvoiceReceived', 'p2p.invoice.v1', 'invoiceId'],
    ['InvoiceMatched', 'p2p.invoice.v1', 'invoiceId'],
    ['InvoiceException', 'p2p.invoice.v1', 'invoiceId'],
    ['InvoicePosted', 'p2p.invoice.v1', 'invoiceId'],
    ['PaymentScheduled', 'p2p.payment.v1', 'paymentId'],
    ['PaymentCompleted', 'p2p.payment.v1', 'paymentId'],
    ['PaymentFailed', 'p2p.payment.v1', 'paymentId'],
    ['PaymentVoided', 'p2p.payment.v1', 'paymentId'],
  ])('%s › goes to %s keyed by %s', (eventType, topic, keyField) => {
    expect(catalogueEntry(catalogue, eventType)).toMatchObject({
      topic,
      keyField,
      fullName: `io.procurelink.p2p.v1.${eventType}`,
      subject: `${topic}-io.procurelink.p2p.v1.${eventType}`,
    });
  });

  it.each(catalogue.map((entry) => [entry.eventType, entry] as const))(
    '%s › has its key field as a required top-level string of the schema',
    (_type, entry) => {
      const fields = (entry.schema as NamedSchemaJson).fields ?? [];
      expect(fields.find((field) => field.name === entry.keyField)?.type).toBe('string');
    },
  );

  it.each(catalogue.map((entry) => [entry.eventType, entry] as const))(
    '%s › has a self-contained schema: every shared type is defined inside it',
    (_type, entry) => {
      const text = JSON.stringify(entry.schema);
      expect(text).toContain('"name":"Envelope"');
      expect(text).not.toMatch(/"type":"(?:io\.procurelink\.p2p\.v1\.)?Envelope"/);
    },
  );

  it('when built with a topic prefix › prefixes topics and subjects, for tests that need their own', () => {
    const entry = catalogueEntry(buildCatalogue({ topicPrefix: 'test.abc.' }), 'GoodsReceived');
    expect(entry.topic).toBe('test.abc.p2p.purchase-order.v1');
    expect(entry.subject).toBe('test.abc.p2p.purchase-order.v1-io.procurelink.p2p.v1.GoodsReceived');
  });

  it('when built with another subject name strategy › uses it', () => {
    const entry = catalogueEntry(buildCatalogue({ subjectName: (topic) => `${topic}-value` }), 'InvoicePosted');
    expect(entry.subject).toBe('p2p.invoice.v1-value');
  });

  it('when asked for an event type it does not hold › fails naming it', () => {
    expect(() => catalogueEntry(catalogue, 'InvoiceApproved')).toThrow('InvoiceApproved is not a canonical event type');
  });

  describe('the Kafka key of an event', () => {
    it('› is the aggregate id, so all events of one aggregate land on one partition in order', () => {
      expect(eventKey(catalogueEntry(catalogue, 'GoodsReceived'), sampleEvents.GoodsReceived)).toBe('PO-1001');
      expect(eventKey(catalogueEntry(catalogue, 'PurchaseOrderApproved'), sampleEvents.PurchaseOrderApproved)).toBe('PO-1001');
      expect(eventKey(catalogueEntry(catalogue, 'PaymentFailed'), sampleEvents.PaymentFailed)).toBe('PAY-301');
    });

    it('when the key field is missing or empty › fails with a non-retriable MISSING_KEY error', () => {
      const entry = catalogueEntry(catalogue, 'InvoiceReceived');
      expect(() => eventKey(entry, { ...sampleEvents.InvoiceReceived, invoiceId: '' })).toThrow(
        expect.objectContaining({ code: 'MISSING_KEY', retriable: false, message: expect.stringContaining('invoiceId') }),
      );
    });
  });
});
