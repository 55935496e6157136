import type { Redis } from 'ioredis';

/** A Lua script bound to a connection: `run(keys, args)`. */
export type RedisScript = (keys: readonly string[], args: readonly string[]) => Promise<unknown>;

type Callable = Record<string, (...keysThenArgs: string[]) => Promise<unknown>>;

/**
 * A Lua script called by its SHA1 (EVALSHA) instead of sending its text with every call (EVAL):
 * less to encode and write per call, and Redis does not hash the text again each time. ioredis
 * loads the script again by itself when Redis answers NOSCRIPT (a restart, SCRIPT FLUSH), so a
 * call never fails for that. `name` must be unique per script on the connection.
 */
export function redisScript(redis: Redis, name: string, numberOfKeys: number, lua: string): RedisScript {
  const callable = redis as unknown as Callable;
  redis.defineCommand(name, { numberOfKeys, lua }); // (re)defined: a name never binds to other Lua or to a built-in
  const command = callable[name] as (...keysThenArgs: string[]) => Promise<unknown>;
  return (keys, args) => {
    if (keys.length !== numberOfKeys) throw new Error(`Redis script ${name} takes ${numberOfKeys} keys, got ${keys.length}`);
    return command.call(redis, ...keys, ...args);
  };
}
