/**
 * Tokens of claims whose reply was lost (timed out, connection dropped). Such a claim may still
 * have reached Redis and taken its key. The next claim of that key from this store re-sends the
 * same token, and the claim script answers "claimed" to its own token, so a retry gets the claim
 * back instead of finding its own ghost "in-progress" until the TTL. Each token is handed out once,
 * so two callers can never both hold it. Bounded: entries expire with their claim TTL, and the
 * oldest go first beyond `capacity`.
 */
export class UnansweredClaims {
  private readonly tokens = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  remember(key: string, token: string, ttlMs: number): void {
    const now = this.now();
    for (const [stale, entry] of this.tokens) if (entry.until <= now) this.tokens.delete(stale);
    this.tokens.delete(key);
    this.tokens.set(key, { token, until: now + ttlMs });
    for (const oldest of this.tokens.keys()) {
      if (this.tokens.size <= this.capacity) break;
      this.tokens.delete(oldest);
    }
  }

  /** The lost claim's token for this key, once; undefined when there is none or its TTL has passed. */
  take(key: string): string | undefined {
    const entry = this.tokens.get(key);
    if (!entry) return undefined;
    this.tokens.delete(key);
    return entry.until > this.now() ? entry.token : undefined;
  }

  get size(): number {
    return this.tokens.size;
  }
}
