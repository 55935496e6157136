const SAFE_MIN = BigInt(Number.MIN_SAFE_INTEGER);
const SAFE_MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** Avro `decimal` bytes: the unscaled value as big-endian two's complement, in as few bytes as possible. */
export function bigintToTwosComplement(value: bigint): Buffer {
  // Nearly every amount fits a double exactly: encoded with number arithmetic, no bigint per byte.
  if (value >= SAFE_MIN && value <= SAFE_MAX) return safeIntegerToTwosComplement(Number(value));
  const bytes: number[] = [];
  let rest = value;
  // Emit low bytes until the remaining value is pure sign extension of the last byte written.
  for (;;) {
    const byte = Number(BigInt.asUintN(8, rest));
    bytes.unshift(byte);
    rest >>= 8n;
    const signBitSet = (byte & 0x80) !== 0;
    if ((rest === 0n && !signBitSet) || (rest === -1n && signBitSet)) break;
  }
  return Buffer.from(bytes);
}

/** |n| < 2^53: every step below is exact in a double (the bound is a power of two, at most 2^55). */
function safeIntegerToTwosComplement(n: number): Buffer {
  let length = 1;
  for (let bound = 128; n >= bound || n < -bound; bound *= 256) length += 1;
  const out = Buffer.allocUnsafe(length);
  let rest = n;
  for (let i = length - 1; i >= 0; i -= 1) {
    const byte = ((rest % 256) + 256) % 256;
    out[i] = byte;
    rest = (rest - byte) / 256;
  }
  return out;
}

/** The inverse of bigintToTwosComplement; an empty buffer reads as zero. */
export function twosComplementToBigint(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return BigInt.asIntN(bytes.length * 8, value);
}
