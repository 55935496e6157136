import { renderDeadLetter, renderDeadLetterList } from './dead-letters';

const row = {
  id: 42,
  service: 'invoice-sync',
  errorCode: 'INVALID_INPUT',
  errorMessage: 'lines[0].quantity: must be a positive decimal',
  businessKey: 'INV-2025-0042',
  supplierId: 'SUP-7',
  facilityId: 'F-01',
  status: 'OPEN',
  attempts: 1,
  lastFailureAt: '2025-03-01T08:15:30.000Z',
};

describe('dead letters for people', () => {
  it('lists one aligned row per dead letter, with the count', () => {
    const lines = renderDeadLetterList({ items: [row, { ...row, id: 7, service: 'po-sync', businessKey: null, status: 'REPLAYED' }] }).split('\n');
    expect(lines[0]).toMatch(/^ID\s+LAST FAILURE\s+SERVICE\s+CODE\s+BUSINESS KEY\s+FACILITY\s+SUPPLIER\s+STATUS\s+ATTEMPTS\s+MESSAGE$/);
    expect(lines[1]).toMatch(/^42\s+2025-03-01 08:15:30Z\s+invoice-sync\s+INVALID_INPUT\s+INV-2025-0042\s+F-01\s+SUP-7\s+OPEN\s+1\s+lines\[0\]/);
    expect(lines[2]).toMatch(/^ 7 .* po-sync .* - .* REPLAYED/);
    expect(lines.at(-1)).toBe('2 dead letters');
  });

  it('says how to get the next page, and says so when nothing matches', () => {
    expect(renderDeadLetterList({ items: [row], next: '42' })).toContain('1 dead letter; more with --after 42');
    expect(renderDeadLetterList({ items: [] })).toBe('No dead letters match.');
  });

  it('shows one record: facts, failure history, the masked value pretty-printed, headers', () => {
    const text = renderDeadLetter({
      ...row,
      id: '42',
      originalTopic: 'source.ap.invoice.v1',
      key: 'INV-2025-0042',
      value: { format: 'json', decoded: { invoiceId: 'INV-2025-0042' }, pretty: '{\n  "invoiceId": "INV-2025-0042",\n  "bankAccount": "****1234"\n}' },
      failure: {
        consumerGroup: 'procurelink.invoice-sync',
        originalTopic: 'source.ap.invoice.v1',
        errorCode: 'INVALID_INPUT',
        attempts: 3,
        firstFailureAt: '2025-03-01T08:10:00.000Z',
        lastFailureAt: '2025-03-01T08:15:30.000Z',
        replays: { by: 'ops-cli', at: '2025-03-02T09:00:00.000Z', count: 1 },
      },
      headers: { 'procurelink.error-code': 'INVALID_INPUT', 'x-bank': '****' },
    });
    const [title, head, failure, value, headers] = text.split('\n\n');
    expect(title).toBe('Dead letter 42');
    expect(head).toMatch(/^ {2}id\s+42\n {2}status\s+OPEN\n {2}service\s+invoice-sync\n {2}error code\s+INVALID_INPUT/);
    expect(head).toMatch(/ {2}key\s+INV-2025-0042/);
    expect(head).not.toContain('attempts');
    expect(failure).toMatch(/^Failure history\n {2}consumer group\s+procurelink\.invoice-sync\n {2}original topic\s+source\.ap\.invoice\.v1\n {2}attempts\s+3\n {2}first failure at\s+2025-03-01 08:10:00Z/);
    expect(failure).toMatch(/ {2}replays\s+1 \(last by ops-cli at 2025-03-02 09:00:00Z\)$/);
    expect(value).toBe('Value (json)\n  {\n    "invoiceId": "INV-2025-0042",\n    "bankAccount": "****1234"\n  }');
    expect(headers).toMatch(/^Headers\n {2}procurelink\.error-code\s+INVALID_INPUT\n {2}x-bank\s+\*\*\*\*$/);
  });

  it('says why a value cannot be read and gives its bytes', () => {
    const text = renderDeadLetter({ id: '5', value: { format: 'binary', note: 'not JSON and not Avro', base64: 'AAEC' } });
    expect(text).toContain('Value (binary)\n  not JSON and not Avro\n  base64: AAEC');
  });
});
