import { ledgerErrorFromStatus, ledgerSearchParams, pageFromBody, summaryFromBody } from './erp-ledger-mapping';

const entry = {
  sequence: 7,
  documentNumber: 'APV-00000007',
  kind: 'AP_INVOICE',
  businessKey: 'INV-1',
  subjectId: 'INV-1',
  idempotencyKey: 'k-1',
  acceptedAt: '2026-03-01T10:00:00.000Z',
  facilityId: 'FAC-NORTH',
  currency: 'USD',
  amount: '110.00',
  direction: null,
  record: { invoiceId: 'INV-1' },
};
const what = 'ERP ledger GET /erp/v1/ledger';

describe('ERP ledger mapping', () => {
  describe('the query string', () => {
    it('carries every filter given and leaves out the undefined ones', () => {
      const params = ledgerSearchParams({ kind: 'ENCUMBRANCE', subjectId: 'PO-1', afterSequence: 41, limit: 500, facilityId: undefined });
      expect(params.toString()).toBe('kind=ENCUMBRANCE&subjectId=PO-1&afterSequence=41&limit=500');
    });
  });

  describe('a page', () => {
    it('is read from a well-formed answer with its entries untouched (money stays a string)', () => {
      const page = pageFromBody(what, { count: 1, truncated: false, entries: [entry] });
      expect(page).toEqual({ count: 1, truncated: false, entries: [entry] });
    });

    it('is a retriable TARGET_UNAVAILABLE when the body is not a page', () => {
      const error = pageFromBody(what, { rows: [] });
      expect(error).toMatchObject({ code: 'TARGET_UNAVAILABLE', retriable: true });
    });

    it('names the entry that is not a posting (an amount as a number is refused)', () => {
      const error = pageFromBody(what, { count: 2, truncated: false, entries: [entry, { ...entry, amount: 110 }] });
      expect(error).toMatchObject({ code: 'TARGET_UNAVAILABLE' });
      expect((error as Error).message).toContain('entries[1]');
    });

    it('refuses an unknown kind or direction', () => {
      expect(pageFromBody(what, { truncated: false, entries: [{ ...entry, kind: 'JOURNAL' }] })).toBeInstanceOf(Error);
      expect(pageFromBody(what, { truncated: false, entries: [{ ...entry, direction: 'SIDEWAYS' }] })).toBeInstanceOf(Error);
    });
  });

  describe('a summary', () => {
    it('is read from a well-formed answer', () => {
      const body = { count: 1, byKind: [{ kind: 'AP_INVOICE', count: 1 }], groups: [] };
      expect(summaryFromBody(what, body)).toEqual(body);
    });

    it('is a retriable error when the answer is not one', () => {
      expect(summaryFromBody(what, undefined)).toMatchObject({ code: 'TARGET_UNAVAILABLE', retriable: true });
    });
  });

  describe('an error status', () => {
    it.each([
      [400, 'INVALID_INPUT', false],
      [404, 'TARGET_REJECTED', false],
      [429, 'TARGET_UNAVAILABLE', true],
      [503, 'TARGET_UNAVAILABLE', true],
    ])('%i is %s (retriable %s)', (status, code, retriable) => {
      expect(ledgerErrorFromStatus(what, status, { error: 'VALIDATION_FAILED' })).toMatchObject({ code, retriable });
    });

    it('never echoes more than a safe error token', () => {
      const error = ledgerErrorFromStatus(what, 400, { error: 'BAD <script>secret 123456789</script>' });
      expect(error.message).not.toContain('<script>');
      expect(error.message).not.toContain(' 123456789');
    });
  });
});
