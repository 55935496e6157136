export { DEFAULT_SLAS, parseSlaDefinitions, STATUS_OF_START_EVENT, type SlaDefinition, type SlaEnd } from './sla-definition';
export { countSlaEvaluations, evaluateSla, isBreach, type SlaCount, type SlaEvaluation, type SlaStart, type SlaState, type SlaStop } from './evaluate-sla';
