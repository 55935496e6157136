export const SLA_DEFINITIONS = Symbol('SLA_DEFINITIONS');
export const SLA_CLOCK = Symbol('SLA_CLOCK');
