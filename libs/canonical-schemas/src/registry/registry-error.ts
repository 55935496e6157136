export type RegistryErrorCode = 'UNREACHABLE' | 'INCOMPATIBLE' | 'INVALID_SCHEMA' | 'NOT_FOUND' | 'UNEXPECTED_RESPONSE';

/** A schema registry call that failed; `retriable` alone decides whether trying again can help. */
export class RegistryError extends Error {
  constructor(
    readonly code: RegistryErrorCode,
    message: string,
    readonly retriable: boolean,
    readonly details: { readonly subject?: string; readonly status?: number; readonly registryErrorCode?: number } = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'RegistryError';
  }
}
