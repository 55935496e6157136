/** Milliseconds since the epoch; injected so decisions about time can be tested without waiting. */
export type Clock = () => number;

export const CLOCK = Symbol('CLOCK');
