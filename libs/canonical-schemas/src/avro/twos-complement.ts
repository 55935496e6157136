/** Avro `decimal` bytes: the unscaled value as big-endian two's complement, in as few bytes as possible. */
export function bigintToTwosComplement(value: bigint): Buffer {
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

/** The inverse of bigintToTwosComplement; an empty buffer reads as zero. */
export function twosComplementToBigint(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return BigInt.asIntN(bytes.length * 8, value);
}
