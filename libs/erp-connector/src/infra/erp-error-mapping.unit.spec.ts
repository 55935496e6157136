import { ProcessingError } from '@procurelink/messaging';
import type { ErpCall } from './erp-call';
import { errorFromNetwork, errorFromStatus } from './erp-error-mapping';

const call: ErpCall = { capability: 'vendors', method: 'PUT', path: '/erp/v1/vendors/SUP-1', idempotencyKey: 'SUP-1/v3' };

describe('classifying ERP failures', () => {
  it('when the ERP answers 400 › is INVALID_INPUT listing problem codes and paths, never values', () => {
    const error = errorFromStatus(call, 400, {
      error: 'VALIDATION_FAILED',
      message: 'the request broke the contract',
      problems: [
        { path: 'remitTo.postalCode', code: 'MISSING', message: 'required' },
        { path: 'bankAccount.token', code: 'MALFORMED', message: 'looks like 12345678901' },
      ],
    });
    expect(error).toBeInstanceOf(ProcessingError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', retriable: false });
    expect(error.message).toBe(
      'ERP vendors PUT /erp/v1/vendors/SUP-1 refused the request (400 VALIDATION_FAILED): remitTo.postalCode MISSING, bankAccount.token MALFORMED',
    );
    expect(error.message).not.toContain('12345678901');
  });

  it('when a 400 has no problems or no body › is still INVALID_INPUT', () => {
    expect(errorFromStatus(call, 400, { error: 'IDEMPOTENCY_KEY_REQUIRED' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'ERP vendors PUT /erp/v1/vendors/SUP-1 refused the request (400 IDEMPOTENCY_KEY_REQUIRED)',
    });
    expect(errorFromStatus(call, 400, undefined)).toMatchObject({ code: 'INVALID_INPUT', retriable: false });
  });

  it('when a 400 lists many problems › bounds the list', () => {
    const problems = Array.from({ length: 25 }, (_, index) => ({ path: `lines[${index}].amount`, code: 'MISSING' }));
    const { message } = errorFromStatus(call, 400, { error: 'VALIDATION_FAILED', problems });
    expect(message).toContain('lines[19].amount MISSING (+5 more)');
    expect(message).not.toContain('lines[20]');
  });

  it('when the key was reused with another request (409) › is TARGET_REJECTED, not retriable', () => {
    expect(errorFromStatus(call, 409, { error: 'IDEMPOTENCY_KEY_REUSED' })).toMatchObject({
      code: 'TARGET_REJECTED',
      retriable: false,
      message: 'ERP vendors PUT /erp/v1/vendors/SUP-1 rejected the request (409 IDEMPOTENCY_KEY_REUSED)',
    });
  });

  it.each([403, 404, 413, 422])('when the ERP answers %i › is TARGET_REJECTED', (status) => {
    expect(errorFromStatus(call, status, undefined)).toMatchObject({ code: 'TARGET_REJECTED', retriable: false });
  });

  it.each([408, 429, 500, 502, 503, 504, 302, 204])('when the ERP answers %i › is TARGET_UNAVAILABLE, retriable', (status) => {
    const error = errorFromStatus(call, status, status === 503 ? { error: 'FAULT_INJECTED' } : undefined);
    expect(error).toMatchObject({ code: 'TARGET_UNAVAILABLE', retriable: true });
    expect(error.message).toContain(`ERP vendors PUT /erp/v1/vendors/SUP-1 is unavailable (${status}`);
  });

  it('when the request timed out › is TARGET_UNAVAILABLE saying how long it waited', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(errorFromNetwork(call, timeout, 1500)).toMatchObject({
      code: 'TARGET_UNAVAILABLE',
      retriable: true,
      message: 'ERP vendors PUT /erp/v1/vendors/SUP-1 did not answer within 1500 ms',
      cause: timeout,
    });
  });

  it('when the connection was refused › names the network error code found down the cause chain', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }) });
    expect(errorFromNetwork(call, refused, 1500)).toMatchObject({
      code: 'TARGET_UNAVAILABLE',
      retriable: true,
      message: 'ERP vendors PUT /erp/v1/vendors/SUP-1 could not be reached (ECONNREFUSED)',
    });
    expect(errorFromNetwork(call, new TypeError('fetch failed'), 1500).message).toContain('(network error)');
  });
});
