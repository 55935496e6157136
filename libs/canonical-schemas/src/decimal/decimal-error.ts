/** Why a decimal value was refused; a closed list so callers can branch on it. */
export type DecimalErrorCode =
  | 'NOT_A_STRING'
  | 'MALFORMED'
  | 'INVALID_SCALE'
  | 'SCALE_EXCEEDED'
  | 'PRECISION_EXCEEDED'
  | 'DIVISION_BY_ZERO'
  | 'NOT_A_DECIMAL';

/** A decimal that cannot be represented exactly. Never retriable: the input itself is wrong. */
export class DecimalError extends Error {
  readonly retriable = false;

  constructor(
    readonly code: DecimalErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DecimalError';
  }
}
