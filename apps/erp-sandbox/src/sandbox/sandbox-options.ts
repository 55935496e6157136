/** Sandbox-only switches, from the app configuration. */
export interface SandboxOptions {
  /** POST /sandbox/v1/reset and /sandbox/v1/tamper work only when true (ERP_SANDBOX_ALLOW_RESET=true). */
  readonly allowReset: boolean;
}

export const SANDBOX_OPTIONS = Symbol('SANDBOX_OPTIONS');
