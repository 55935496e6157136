/** Kafka headers as the clients give them: values may be a Buffer, a string, an array or absent. */
export type RawHeaders = Record<string, Buffer | string | Array<Buffer | string> | undefined>;
export type Headers = Record<string, string>;

/** One string per header (the last value when a header repeats). */
export function readHeaders(raw: RawHeaders | undefined): Headers {
  const headers: Headers = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) headers[name] = last.toString();
  }
  return headers;
}

export function headerInt(headers: Headers, name: string, fallback: number): number {
  const value = Number(headers[name]);
  return Number.isFinite(value) ? value : fallback;
}
