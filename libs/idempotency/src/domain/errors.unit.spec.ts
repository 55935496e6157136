import {
  IDEMPOTENCY_ERROR_CODES,
  IdempotencyCorruptRecordError,
  IdempotencyInvalidArgumentError,
  IdempotencyUnavailableError,
  isIdempotencyError,
} from './errors';

describe('idempotency errors', () => {
  it('when Redis is unavailable › the error is retriable, coded and keeps its cause', () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:1');
    const error = new IdempotencyUnavailableError('Redis is unavailable', { cause });
    expect(error).toMatchObject({ code: 'IDEMPOTENCY_UNAVAILABLE', retriable: true, cause, name: 'IdempotencyUnavailableError' });
    expect(error).toBeInstanceOf(Error);
    expect(isIdempotencyError(error)).toBe(true);
  });

  it('when the input or the record is wrong › the error is not retriable', () => {
    expect(new IdempotencyInvalidArgumentError('bad')).toMatchObject({ code: 'IDEMPOTENCY_INVALID_ARGUMENT', retriable: false });
    expect(new IdempotencyCorruptRecordError('k', 'foreign value')).toMatchObject({
      code: 'IDEMPOTENCY_CORRUPT_RECORD',
      retriable: false,
      key: 'k',
    });
  });

  it('every code is in the closed list', () => {
    const codes = [
      new IdempotencyUnavailableError('x').code,
      new IdempotencyInvalidArgumentError('x').code,
      new IdempotencyCorruptRecordError('k', 'x').code,
    ];
    expect([...codes].sort()).toEqual([...IDEMPOTENCY_ERROR_CODES].sort());
    expect(isIdempotencyError(new Error('other'))).toBe(false);
  });
});
