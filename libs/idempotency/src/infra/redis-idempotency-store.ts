import { randomUUID } from 'node:crypto';
import type { ChainableCommander, Redis } from 'ioredis';
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

interface Scripts<R> {
  idempotencyClaim(key: string, token: string, owner: string, ttlMs: number): R;
  idempotencyConfirm(key: string, token: string, outcomeJson: string, ttlMs: number): R;
  idempotencyRelease(key: string, token: string): R;
}
type ScriptedPipeline = ChainableCommander & Scripts<ChainableCommander>;

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
 * The idempotency store on one Redis connection. Every call, single or batch, is one pipeline of
 * one-key Lua scripts sent in one write: one round trip however many keys it holds.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private lastError: Error | undefined;
  private closed = false;
  private readonly unanswered = new UnansweredClaims();

  constructor(
    private readonly redis: Redis,
    private readonly settings: StoreSettings,
  ) {
    redis.defineCommand('idempotencyClaim', { numberOfKeys: 1, lua: CLAIM_SCRIPT });
    redis.defineCommand('idempotencyConfirm', { numberOfKeys: 1, lua: CONFIRM_SCRIPT });
    redis.defineCommand('idempotencyRelease', { numberOfKeys: 1, lua: RELEASE_SCRIPT });
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
      replies = await this.run('claim', claims, (pipeline, { key, token }) =>
        pipeline.idempotencyClaim(this.redisKey(key), token, owner, ttlMs),
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
    const replies = await this.run('confirm', confirms, (pipeline, { key, token, json }) =>
      pipeline.idempotencyConfirm(this.redisKey(key), token, json, ttlMs),
    );
    return confirms.map(({ key }, i) => decodeConfirmReply(key, replies[i]));
  }

  async releaseMany(items: readonly HeldClaim[]): Promise<ReleaseResult[]> {
    const releases = items.map((item) => ({ key: checkKey(item.key), token: checkToken(item.token) }));
    const replies = await this.run('release', releases, (pipeline, { key, token }) =>
      pipeline.idempotencyRelease(this.redisKey(key), token),
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

  /** Sends one script call per item in one pipeline; the replies in item order, or one store error. */
  private async run<T extends { key: string }>(
    operation: string,
    items: readonly T[],
    queue: (pipeline: ScriptedPipeline, item: T) => unknown,
  ): Promise<unknown[]> {
    if (items.length === 0) return [];
    const { endpoint, connectTimeoutMs } = this.settings;
    const what = items.length === 1 ? operation : `${operation} of ${items.length} keys`;
    if (this.closed) throw new IdempotencyUnavailableError(`idempotency store unavailable: ${what} after close()`);
    let replies: Array<[Error | null, unknown]> | null;
    try {
      await whenReady(this.redis, connectTimeoutMs, this.lastError);
      const pipeline = this.redis.pipeline() as ScriptedPipeline;
      for (const item of items) queue(pipeline, item);
      replies = await pipeline.exec();
    } catch (error) {
      throw toStoreError(error, what, endpoint);
    }
    if (replies === null || replies.length !== items.length) {
      throw toStoreError(new Error('the pipeline returned no replies'), what, endpoint);
    }
    const errors = replies.flatMap(([error], i) => (error ? [toStoreError(error, what, endpoint, items[i]?.key)] : []));
    // A batch that failed in part is failed as a whole; a retriable failure wins, so it is retried.
    const failure = errors.find((error) => error.retriable) ?? errors[0];
    if (failure) throw failure;
    return replies.map(([, reply]) => reply);
  }
}
