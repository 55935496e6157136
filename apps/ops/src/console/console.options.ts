import type { JwtConfig } from '@procurelink/system-api';
import type { ConsoleConfig } from './config/console-config';

/** What ConsoleModule.forRoot needs. */
export interface ConsoleOptions extends ConsoleConfig {
  /** The key the console signs its per-user /v1 tokens with: `withConsoleCredential(auth).credential`. */
  readonly apiCredential: JwtConfig;
  /** Where the /v1 API is; default: this app's own listening address. */
  readonly apiBaseUrl?: string;
  /** The folder of index.html, console.js and console.css; default: src/console/assets of the app. */
  readonly assetsDir?: string;
}

export const CONSOLE_OPTIONS = Symbol('CONSOLE_OPTIONS');
export const CONSOLE_ASSETS = Symbol('CONSOLE_ASSETS');
