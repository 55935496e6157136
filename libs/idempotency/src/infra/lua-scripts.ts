/*
 * What a key holds, always a Redis string:
 *
 *   c|<token>|<owner>          a claim; its PX is the claim TTL
 *   d|<token>|<outcome JSON>   a confirmed outcome; its PX is the outcome TTL
 *
 * Tokens are UUIDs written by this adapter, so the first "|" after position 3 ends the token;
 * owner and outcome may contain anything. Each script touches one key (KEYS[1]), so a batch is one
 * pipeline of EVALSHA calls and the layout stays valid on Redis Cluster. Every script is
 * idempotent for its own token: a command re-sent after a lost reply gives the same answer.
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
 * ARGV: token, owner, claim TTL (ms). SET NX PX takes a free key atomically; otherwise reports
 * who has it. Replies: {'claimed'} | {'in-progress', owner, pttl} | {'done', outcomeJson} | {'corrupt'}.
 */
export const CLAIM_SCRIPT = `${READ_RECORD}
if redis.call('SET', KEYS[1], 'c|' .. ARGV[1] .. '|' .. ARGV[2], 'NX', 'PX', ARGV[3]) then
  return {'claimed'}
end
local kind, token, rest = read_record(redis.call('GET', KEYS[1]))
if not kind then return {'corrupt'} end
if kind == 'd' then return {'done', rest} end
if token == ARGV[1] then return {'claimed'} end
return {'in-progress', rest, redis.call('PTTL', KEYS[1])}
`;

/**
 * ARGV: token, outcome JSON, outcome TTL (ms). Stores the outcome when the caller holds the claim,
 * or when the claim lapsed and the key is free. Replies: {'confirmed', 0|1 (claim had expired)} |
 * {'claim-lost', 'claimed-by-another' | 'confirmed-by-another'} | {'corrupt'}.
 */
export const CONFIRM_SCRIPT = `${READ_RECORD}
local current = redis.call('GET', KEYS[1])
local kind, token = nil, nil
if current then
  kind, token = read_record(current)
  if not kind then return {'corrupt'} end
  if token ~= ARGV[1] then
    if kind == 'c' then return {'claim-lost', 'claimed-by-another'} end
    return {'claim-lost', 'confirmed-by-another'}
  end
  if kind == 'd' then return {'confirmed', 0} end
end
redis.call('SET', KEYS[1], 'd|' .. ARGV[1] .. '|' .. ARGV[2], 'PX', ARGV[3])
if current then return {'confirmed', 0} end
return {'confirmed', 1}
`;

/**
 * ARGV: token. Deletes the claim only while the caller holds it; an outcome is never deleted.
 * Replies: {'released'} | {'not-held', 'expired' | 'claimed-by-another' | 'confirmed'} | {'corrupt'}.
 */
export const RELEASE_SCRIPT = `${READ_RECORD}
local current = redis.call('GET', KEYS[1])
if not current then return {'not-held', 'expired'} end
local kind, token = read_record(current)
if not kind then return {'corrupt'} end
if kind == 'd' then return {'not-held', 'confirmed'} end
if token ~= ARGV[1] then return {'not-held', 'claimed-by-another'} end
redis.call('DEL', KEYS[1])
return {'released'}
`;
