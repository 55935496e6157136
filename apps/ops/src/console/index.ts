// The ops web console (/console): see README.md in this folder.
export { ConsoleModule } from './console.module';
export type { ConsoleOptions } from './console.options';
export { DEV_CONSOLE_SECRET, parseConsoleConfig, type ConsoleConfig } from './config/console-config';
export { withConsoleCredential } from './infra/console-api-credentials';
export { DEFAULT_CONSOLE_ASSETS_DIR } from './infra/console-assets';
export { OPS_API_PORT, type OpsApiAnswer, type OpsApiCall, type OpsApiPort } from './ops-api.port';
export { CONSOLE_ROLES, ROLE_SCOPES, type ConsoleRole, type ConsoleUser } from './domain/roles';
