/**
 * A check that none of the clear sensitive values (bank account numbers, tax ids) appears in some
 * bytes: a record value, headers, a Redis value, an HTTP answer, a log line. It throws naming
 * where, never the value itself.
 */
export function noClearValueCheck(clearValues: readonly string[]): (where: string, bytes: Buffer | string) => void {
  if (clearValues.length === 0) throw new Error('give at least one clear value to search for');
  return (where, bytes) => {
    const text = Buffer.isBuffer(bytes) ? bytes.toString('latin1') : bytes;
    for (const clear of clearValues) if (text.includes(clear)) throw new Error(`${where} contains a clear sensitive value`);
  };
}
