import { isSensitiveKey, REDACTED, redactText, redactValue } from './redact';

describe('redaction', () => {
  describe('by key', () => {
    it.each(['bankAccount', 'bank_account_number', 'IBAN', 'accountNumber', 'taxId', 'tax-id', 'tin', 'password', 'saslPassword', 'secret', 'clientSecret', 'token', 'accessToken', 'authorization', 'Authorization', 'apiKey', 'x-api-key', 'cookie'])(
      '%s is sensitive',
      (key) => expect(isSensitiveKey(key)).toBe(true),
    );

    it.each(['supplierId', 'poNumber', 'setting', 'waiting', 'topic', 'status', 'amount', 'eventId'])('%s is not', (key) =>
      expect(isSensitiveKey(key)).toBe(false),
    );

    it('replaces a sensitive field whole, objects included, at any depth', () => {
      expect(
        redactValue({
          supplierId: 'S-1',
          bankAccount: { token: 'vault:abc', maskedNumber: '****1234' },
          nested: [{ taxId: '12-3456789', name: 'Acme' }],
          headers: { authorization: 'Bearer abc.def' },
        }),
      ).toEqual({
        supplierId: 'S-1',
        bankAccount: REDACTED,
        nested: [{ taxId: REDACTED, name: 'Acme' }],
        headers: { authorization: REDACTED },
      });
    });

    it('leaves an absent sensitive field absent (null stays null)', () => {
      expect(redactValue({ bankAccount: null, password: undefined })).toEqual({ bankAccount: null, password: undefined });
    });
  });

  describe('by value, in any string', () => {
    it.each([
      ['credentials in a URL', 'redis://app:s3cret@cache:6379/0', `redis://${REDACTED}@cache:6379/0`],
      ['a token as URL userinfo', 'https://ghp_abc123@git.example/x', `https://${REDACTED}@git.example/x`],
      ['a bearer token', 'header Authorization: Bearer eyJhbGciOi.payload.sig', `header Authorization: Bearer ${REDACTED}`],
      ['password= in a query', 'GET /login?user=a&password=hunter2&x=1', `GET /login?user=a&password=${REDACTED}&x=1`],
      ['a JSON field in error text', 'bad body {"iban":"DE89370400440532013000","x":1}', `bad body {"iban":${REDACTED},"x":1}`],
      ['an IBAN', 'paid to DE89 3704 0044 0532 0130 00 today', `paid to ${REDACTED} today`],
      ['an account number', 'account 000123456789 refused', `account ${REDACTED} refused`],
      ['a tax id with a dash', 'EIN 12-3456789 unknown', `EIN ${REDACTED} unknown`],
      ['a digit run with spaces', 'card 4111 1111 1111 1111', `card ${REDACTED}`],
    ])('masks %s', (_what, text, expected) => {
      expect(redactText(text)).toBe(expected);
    });

    it.each([
      'PO PO-10042 line 3 encumbered at 2026-11-24T21:06:18.123Z',
      'event 550e8400-e29b-41d4-a716-446655440000 done',
      'trace 4bf92f3577b34da6a3ce929d0e0e4736',
      'offset 12345 of partition 2, 150 ms',
      'amount 123456.78 EUR',
    ])('keeps ordinary text: %s', (text) => {
      expect(redactText(text)).toBe(text);
    });
  });

  it('turns errors into name, message and stack, each redacted', () => {
    const error = new Error('supplier with bank account 000123456789 refused');
    const out = redactValue(error) as { name: string; message: string; stack: string };
    expect(out.name).toBe('Error');
    expect(out.message).toBe(`supplier with bank account ${REDACTED} refused`);
    expect(out.stack).not.toContain('000123456789');
  });

  it('survives cycles, buffers and deep nesting', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic['self'] = cyclic;
    expect(redactValue(cyclic)).toEqual({ a: 1, self: '[Circular]' });
    expect(redactValue({ value: Buffer.from('000123456789') })).toEqual({ value: '[binary 12 bytes]' });
    let deep: unknown = 'x';
    for (let i = 0; i < 20; i += 1) deep = { deep };
    expect(JSON.stringify(redactValue(deep))).toContain('[Nested]');
  });
});
