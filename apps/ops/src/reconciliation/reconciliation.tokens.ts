/** The clock reconciliation and SLAs read (a test passes a fixed one). */
export type Clock = () => Date;
export const RECONCILIATION_CLOCK = Symbol('RECONCILIATION_CLOCK');
export const RECONCILIATION_OPTIONS = Symbol('RECONCILIATION_OPTIONS');
