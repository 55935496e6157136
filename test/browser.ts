import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium (tools/scripts/install-chromium.sh installs it); PROCURELINK_CHROMIUM overrides. */
export const CHROMIUM_PATH = process.env.PROCURELINK_CHROMIUM ?? '/usr/bin/chromium';

/**
 * A headless Chromium driven by playwright-core (which never downloads a browser of its own).
 * Close it in afterAll. Root (as in CI containers) needs --no-sandbox.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} is missing: run tools/scripts/install-chromium.sh (Debian's chromium package) or set PROCURELINK_CHROMIUM`);
  }
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...(root ? ['--no-sandbox'] : []), '--disable-dev-shm-usage', '--disable-gpu'],
  });
}
