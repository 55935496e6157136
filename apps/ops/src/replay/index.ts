export { ReplayModule, type ReplayModuleOptions } from './replay.module';
export { ReplayService, type ReplayCommand } from './replay.service';
export { REPLAY_ROUTES } from './http/replay.routes';
export type { ReplayReport, ReplayItemOutcome } from './domain/replay-report';
export type { Verdict } from './domain/verdict';
export { CLAIM_LOOKUP, type ClaimLookup } from './ports';
