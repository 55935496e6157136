export { SlaModule, type SlaModuleOptions } from './sla.module';
export { SlaService, type SlaBreachReport, type SlaBreachView } from './sla.service';
export { readSlaDefinitions } from './sla-settings';
export { DEFAULT_SLAS, parseSlaDefinitions, type SlaDefinition } from './domain';
export { SLA_ROUTES } from './http/sla.routes';
