import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { checkKey, checkOwner, checkToken, checkTtl, serialiseOutcome } from '../domain/arguments';
import { IdempotencyUnavailableError, isIdempotencyError } from '../domain/errors';
import type {
  ClaimOptions,
  ClaimResult,
  ConfirmItem,
  ConfirmOptions,
  ConfirmResult,
  HeldClaim,
  IdempotencyStore,
  JsonValue,
  ReleaseResult,
} from '../domain/idempotency-store.port';
import { CLAIM_SCRIPT, CONFIRM_SCRIPT, RELEASE_SCRIPT } from './lua-scripts';
import { whenReady, toStoreError } from './redis-connection';
import { decodeClaimReply, decodeConfirmReply, decodeReleaseReply } from './replies';
import { UnansweredClaims } from './unanswered-claims';

/** The batch scripts as ioredis commands: the number of keys, the keys, then the arguments. */
type BatchScript = (numberOfKeys: number, ...keysThenArgs: Array<string | number>) => Promise<unknown>;
interface Scripts {
  idempotencyClaim: BatchScript;
  idempotencyConfirm: BatchScript;
  idempotencyRelease: BatchScript;
}

export interface StoreSettings {
  /** Prepended to every key in Redis (an environment or tenant namespace); results use the caller's keys. */
  readonly keyPrefix: string;
  readonly claimTtlMs: number;
  readonly outcomeTtlMs: number;
  readonly maxOutcomeBytes: number;
  readonly owner: string;
  readonly connectTimeoutMs: number;
  /** host:port, for messages. */
  readonly endpoint: string;
}

/**
 * The idempotency store on one Redis connection. Every call, single or batch, is one Lua script
 * over all its keys: one round trip and one script run however many keys it holds.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private lastError: Error | undefined;
  private closed = false;
  private readonly unanswered = new UnansweredClaims();

  constructor(
    private readonly redis: Redis,
    private readonly settings: StoreSettings,
  ) {
    redis.defineCommand('idempotencyClaim', { lua: CLAIM_SCRIPT });
    redis.defineCommand('idempotencyConfirm', { lua: CONFIRM_SCRIPT });
    redis.defineCommand('idempotencyRelease', { lua: RELEASE_SCRIPT });
    redis.on('error', (error: Error) => (this.lastError = error));
    redis.on('ready', () => (this.lastError = undefined));
  }

  async claim(key: string, options?: ClaimOptions): Promise<ClaimResult> {
    return (await this.claimMany([key], options))[0] as ClaimResult;
  }

  async confirm(key: string, token: string, outcome: JsonValue, options?: ConfirmOptions): Promise<ConfirmResult> {
    return (await this.confirmMany([{ key, token, outcome }], options))[0] as ConfirmResult;
  }

  async release(key: string, token: string): Promise<ReleaseResult> {
    return (await this.releaseMany([{ key, token }]))[0] as ReleaseResult;
  }

  async claimMany(keys: readonly string[], options: ClaimOptions = {}): Promise<ClaimResult[]> {
    const ttlMs = checkTtl('claim ttlMs', options.ttlMs ?? this.settings.claimTtlMs);
    const owner = checkOwner(options.owner ?? this.settings.owner);
    // A key's first occurrence may re-send the token of its lost claim; repeats get fresh tokens,
    // so they find the key taken and report in-progress.
    const first = new Map<string, string>();
    const claims = keys.map((raw) => {
      const key = checkKey(raw);
      const token = (!first.has(key) && this.unanswered.take(key)) || randomUUID();
      if (!first.has(key)) first.set(key, token);
      return { key, token };
    });
    let replies: unknown[];
    try {
      replies = await this.run('claim', claims, (scripts, keys) =>
        scripts.idempotencyClaim(keys.length, ...keys, owner, ttlMs, ...claims.map((c) => c.token)),
      );
    } catch (error) {
      if (isIdempotencyError(error) && error.retriable) {
        for (const [key, token] of first) this.unanswered.remember(key, token, ttlMs);
      }
      throw error;
    }
    return claims.map(({ key, token }, i) => decodeClaimReply(key, token, replies[i]));
  }

  async confirmMany(items: readonly ConfirmItem[], options: ConfirmOptions = {}): Promise<ConfirmResult[]> {
    const ttlMs = checkTtl('confirm ttlMs', options.ttlMs ?? this.settings.outcomeTtlMs);
    const confirms = items.map((item) => ({
      key: checkKey(item.key),
      token: checkToken(item.token),
      json: serialiseOutcome(item.outcome ?? null, this.settings.maxOutcomeBytes),
    }));
    const replies = await this.run('confirm', confirms, (scripts, keys) =>
      scripts.idempotencyConfirm(keys.length, ...keys, ttlMs, ...confirms.flatMap((c) => [c.token, c.json])),
    );
    return confirms.map(({ key }, i) => decodeConfirmReply(key, replies[i]));
  }

  async releaseMany(items: readonly HeldClaim[]): Promise<ReleaseResult[]> {
    const releases = items.map((item) => ({ key: checkKey(item.key), token: checkToken(item.token) }));
    const replies = await this.run('release', releases, (scripts, keys) =>
      scripts.idempotencyRelease(keys.length, ...keys, ...releases.map((r) => r.token)),
    );
    return releases.map(({ key }, i) => decodeReleaseReply(key, replies[i]));
  }

  /** Closes the connection (QUIT, or a hard disconnect when Redis cannot answer). Later calls fail as unavailable. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.redis.status === 'ready') {
      try {
        await this.redis.quit();
        return;
      } catch {
        // fall through: Redis did not answer QUIT in time
      }
    }
    this.redis.disconnect();
  }

  private redisKey(key: string): string {
    return `${this.settings.keyPrefix}${key}`;
  }

  /** Runs one batch script over every item's key: one command, the replies in item order, or one store error. */
  private async run<T extends { key: string }>(
    operation: string,
    items: readonly T[],
    call: (scripts: Scripts, redisKeys: string[]) => Promise<unknown>,
  ): Promise<unknown[]> {
    if (items.length === 0) return [];
    const { endpoint, connectTimeoutMs } = this.settings;
    const what = items.length === 1 ? operation : `${operation} of ${items.length} keys`;
    if (this.closed) throw new IdempotencyUnavailableError(`idempotency store unavailable: ${what} after close()`);
    let replies: unknown;
    try {
      await whenReady(this.redis, connectTimeoutMs, this.lastError);
      replies = await call(this.redis as unknown as Scripts, items.map((item) => this.redisKey(item.key)));
    } catch (error) {
      throw toStoreError(error, what, endpoint, items.length === 1 ? items[0]?.key : undefined);
    }
    if (!Array.isArray(replies) || replies.length !== items.length) {
      throw toStoreError(new Error('the script returned no reply per key'), what, endpoint);
    }
    return replies;
  }
}
