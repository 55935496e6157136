import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiKeyEntry, Principal } from './auth-config';

export const sha256 = (text: string): Buffer => createHash('sha256').update(text, 'utf8').digest();

/**
 * The principal whose key hashes to the same SHA-256 as the presented key, or undefined.
 * Every entry is compared in constant time and the loop never exits early, so timing says
 * nothing about which entry (or how much of a hash) matched.
 */
export function matchApiKey(entries: readonly ApiKeyEntry[], presented: string): Principal | undefined {
  const hash = sha256(presented);
  let found: ApiKeyEntry | undefined;
  for (const entry of entries) {
    if (entry.keyHash.length === hash.length && timingSafeEqual(entry.keyHash, hash) && found === undefined) found = entry;
  }
  return found === undefined ? undefined : { client: found.clientId, scopes: new Set(found.scopes), via: 'api-key' };
}
