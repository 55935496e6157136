// Helpers for the integration and end-to-end tiers; imported by spec files only.
export { stackEndpoints, type StackEndpoints } from './stack-env';
