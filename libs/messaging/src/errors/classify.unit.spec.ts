import { classify } from './classify';
import { ProcessingError } from './processing-error';

describe('classifying failures', () => {
  it('when a ProcessingError is thrown › keeps its code and retriable flag', () => {
    expect(classify(new ProcessingError('INVALID_INPUT', 'missing PO number'))).toEqual({
      code: 'INVALID_INPUT',
      retriable: false,
      message: 'missing PO number',
    });
  });

  it('when another library throws an error with a known code › reads it structurally', () => {
    const error = Object.assign(new Error('redis down'), { code: 'IDEMPOTENCY_UNAVAILABLE', retriable: true });
    expect(classify(error)).toMatchObject({ code: 'IDEMPOTENCY_UNAVAILABLE', retriable: true });
  });

  it('when an error only says it is not retriable › it is invalid input', () => {
    expect(classify(Object.assign(new Error('bad'), { retriable: false }))).toMatchObject({ code: 'INVALID_INPUT', retriable: false });
  });

  it('when anything else is thrown › it is HANDLER_FAILED and retriable', () => {
    expect(classify(new TypeError('x is undefined'))).toEqual({ code: 'HANDLER_FAILED', retriable: true, message: 'x is undefined' });
    expect(classify('a string')).toMatchObject({ code: 'HANDLER_FAILED', message: 'a string' });
  });

  it('when the message carries a bank account or tax id › masks it', () => {
    const { message } = classify(new Error('account 12345678901 and IBAN DE89370400440532013000 rejected'));
    expect(message).toBe('account ****8901 and IBAN ****3000 rejected');
  });
});
