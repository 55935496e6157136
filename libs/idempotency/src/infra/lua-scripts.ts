/*
 * What a key holds, always a Redis string:
 *
 *   c|<token>|<owner>          a claim; its PX is the claim TTL
 *   d|<token>|<outcome JSON>   a confirmed outcome; its PX is the outcome TTL
 *
 * Tokens are UUIDs written by this adapter, so the first "|" after position 3 ends the token;
 * owner and outcome may contain anything. Each script takes a whole batch (KEYS = every key of the
 * batch) and answers one reply per key, so a batch is one command: one round trip and one script
 * run, however many keys. On Redis Cluster a batch must map to one hash slot (give its keys a
 * hash tag); on a single node or with Sentinel any keys will do. Every script is idempotent for
 * its own token: a command re-sent after a lost reply gives the same answer.
 */

/** Splits the current value into kind ("c" or "d"), token and rest; nil when it is not ours. */
const READ_RECORD = `
local function read_record(value)
  local kind = string.sub(value, 1, 2)
  if kind ~= 'c|' and kind ~= 'd|' then return nil end
  local bar = string.find(value, '|', 3, true)
  if not bar then return nil end
  return string.sub(kind, 1, 1), string.sub(value, 3, bar - 1), string.sub(value, bar + 1)
end
`;

/**
 * ARGV: owner, claim TTL (ms), then one token per key. SET NX PX takes a free key atomically;
 * otherwise reports who has it. Replies, one per key: {'claimed'} | {'in-progress', owner, pttl} |
 * {'done', outcomeJson} | {'corrupt'}.
 */
export const CLAIM_SCRIPT = `${READ_RECORD}
local function claim(key, mine, owner, ttl)
  if redis.call('SET', key, 'c|' .. mine .. '|' .. owner, 'NX', 'PX', ttl) then
    return {'claimed'}
  end
  local kind, token, rest = read_record(redis.call('GET', key))
  if not kind then return {'corrupt'} end
  if kind == 'd' then return {'done', rest} end
  if token == mine then return {'claimed'} end
  return {'in-progress', rest, redis.call('PTTL', key)}
end
local replies = {}
for i, key in ipairs(KEYS) do replies[i] = claim(key, ARGV[2 + i], ARGV[1], ARGV[2]) end
return replies
`;

/**
 * ARGV: outcome TTL (ms), then token and outcome JSON per key. Stores the outcome when the caller
 * holds the claim, or when the claim lapsed and the key is free. Replies, one per key:
 * {'confirmed', 0|1 (claim had expired)} | {'claim-lost', 'claimed-by-another' | 'confirmed-by-another'} | {'corrupt'}.
 */
export const CONFIRM_SCRIPT = `${READ_RECORD}
local function confirm(key, mine, outcome, ttl)
  local current = redis.call('GET', key)
  if current then
    local kind, token = read_record(current)
    if not kind then return {'corrupt'} end
    if token ~= mine then
      if kind == 'c' then return {'claim-lost', 'claimed-by-another'} end
      return {'claim-lost', 'confirmed-by-another'}
    end
    if kind == 'd' then return {'confirmed', 0} end
  end
  redis.call('SET', key, 'd|' .. mine .. '|' .. outcome, 'PX', ttl)
  if current then return {'confirmed', 0} end
  return {'confirmed', 1}
end
local replies = {}
for i, key in ipairs(KEYS) do replies[i] = confirm(key, ARGV[2 * i], ARGV[2 * i + 1], ARGV[1]) end
return replies
`;

/**
 * ARGV: one token per key. Deletes a claim only while the caller holds it; an outcome is never
 * deleted. Replies, one per key: {'released'} | {'not-held', 'expired' | 'claimed-by-another' | 'confirmed'} | {'corrupt'}.
 */
export const RELEASE_SCRIPT = `${READ_RECORD}
local function release(key, mine)
  local current = redis.call('GET', key)
  if not current then return {'not-held', 'expired'} end
  local kind, token = read_record(current)
  if not kind then return {'corrupt'} end
  if kind == 'd' then return {'not-held', 'confirmed'} end
  if token ~= mine then return {'not-held', 'claimed-by-another'} end
  redis.call('DEL', key)
  return {'released'}
end
local replies = {}
for i, key in ipairs(KEYS) do replies[i] = release(key, ARGV[i]) end
return replies
`;
