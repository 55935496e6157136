import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The console's files, resolved from src/console or dist/console (both two levels under apps/ops). */
export const DEFAULT_CONSOLE_ASSETS_DIR = resolve(__dirname, '../../../src/console/assets');

export interface ConsoleAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

const FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'console.js': 'text/javascript; charset=utf-8',
  'console.css': 'text/css; charset=utf-8',
};

/** Reads the console's three files once at start-up (a missing one stops the start with its path). */
export function loadConsoleAssets(dir: string = DEFAULT_CONSOLE_ASSETS_DIR): ReadonlyMap<string, ConsoleAsset> {
  return new Map(Object.entries(FILES).map(([name, contentType]) => [name, { contentType, body: readFileSync(join(dir, name)) }]));
}
