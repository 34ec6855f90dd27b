// Fuzz inputs as JSON for fixtures/fuzz-regressions: bytes as {"$hex"}, bigints as {"$bigint"}, the rest as JSON.

/** A fuzz input: bytes, text, numbers, bigints, booleans, null, and arrays or plain objects of them. */
export type FuzzInput = Uint8Array | string | number | bigint | boolean | null | readonly FuzzInput[] | { readonly [k: string]: FuzzInput };

/** The JSON form of an input (the `input` field of a regression file). */
export function encodeFuzzInput(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $hex: Buffer.from(value).toString('hex') };
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (Array.isArray(value)) return value.map(encodeFuzzInput);
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeFuzzInput(v)]));
  }
  if (value === undefined) return { $undefined: true };
  return value;
}

/** The input back from its JSON form. */
export function decodeFuzzInput(json: unknown): unknown {
  if (Array.isArray(json)) return json.map(decodeFuzzInput);
  if (json !== null && typeof json === 'object') {
    const o = json as Record<string, unknown>;
    if (typeof o.$hex === 'string') return new Uint8Array(Buffer.from(o.$hex, 'hex'));
    if (typeof o.$bigint === 'string') return BigInt(o.$bigint);
    if (typeof o.$number === 'string') return Number(o.$number);
    if (o.$undefined === true) return undefined;
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, decodeFuzzInput(v)]));
  }
  return json;
}
