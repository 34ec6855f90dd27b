// DER primitive contents as Go decodes them (X.690 §8.3 INTEGER, §8.6 BIT STRING, §8.19 OBJECT IDENTIFIER).

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Big-endian magnitude → bigint in linear time (one BigInt() over hex, never a shift per byte). */
export function unsignedValue(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  // Keys, coordinates and serials (≤ 64 bytes): eight bytes per step, cheaper than building a hex string.
  if (bytes.length <= 64) return unsignedValueByWords(bytes);
  let hex = '0x';
  for (let i = 0; i < bytes.length; i++) hex += HEX[bytes[i]!]!;
  return BigInt(hex);
}

function unsignedValueByWords(bytes: Uint8Array): bigint {
  const n = bytes.length;
  let i = n % 8;
  // The leading n % 8 bytes: up to six fit a double exactly, a seventh goes in first as its own bigint.
  let v = i === 7 ? BigInt(bytes[0]!) << 48n : 0n;
  let head = 0;
  for (let j = i === 7 ? 1 : 0; j < i; j++) head = head * 256 + bytes[j]!;
  v |= BigInt(head);
  if (i === n) return v;
  const view = new DataView(bytes.buffer, bytes.byteOffset, n);
  for (; i < n; i += 8) v = (v << 64n) | view.getBigUint64(i);
  return v;
}

/** Big-endian magnitude of a non-negative bigint in linear time (via hex): minimal, or left-padded to `length`. */
export function unsignedBytes(value: bigint, length?: number): Uint8Array {
  if (value < 0n) throw new RangeError('negative value');
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const size = value === 0n ? 1 : hex.length / 2;
  if (length !== undefined && size > length) throw new RangeError(`value does not fit in ${length} bytes`);
  const out = new Uint8Array(length ?? size);
  const start = out.length - (value === 0n ? 0 : size);
  for (let i = 0; i < size && value !== 0n; i++) out[start + i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Minimal two's-complement INTEGER content of any bigint (X.690 §8.3.2), in linear time. */
export function signedIntegerContent(value: bigint): Uint8Array {
  if (value >= 0n) {
    const m = unsignedBytes(value);
    if ((m[0]! & 0x80) === 0) return m;
    const out = new Uint8Array(m.length + 1);
    out.set(m, 1);
    return out;
  }
  // -v-1 has the complemented bits of v: its width plus a sign bit gives the shortest encoding.
  const m = unsignedBytes(-value - 1n);
  const width = m[0]! & 0x80 ? m.length + 1 : m.length;
  const out = new Uint8Array(width).fill(0xff);
  const offset = width - m.length;
  for (let i = 0; i < m.length; i++) out[offset + i] = ~m[i]! & 0xff;
  return out;
}

/** DER INTEGER minimal-encoding check (cryptobyte checkASN1Integer / asn1 checkInteger). */
export function minimalInteger(c: Uint8Array): boolean {
  if (c.length === 0) return false;
  if (c.length === 1) return true;
  return !((c[0] === 0 && (c[1]! & 0x80) === 0) || (c[0] === 0xff && (c[1]! & 0x80) === 0x80));
}

/** Two's-complement value of INTEGER content. */
export function integerValue(c: Uint8Array): bigint {
  const v = unsignedValue(c);
  return c.length > 0 && c[0]! & 0x80 ? v - (1n << BigInt(c.length * 8)) : v;
}

/** BIT STRING content → bytes and bit length, or null when the padding is invalid. */
export function bitStringValue(c: Uint8Array): { bytes: Uint8Array; bitLength: number } | null {
  if (c.length === 0) return null;
  const pad = c[0]!;
  if (pad > 7 || (c.length === 1 && pad > 0) || (c[c.length - 1]! & ((1 << pad) - 1)) !== 0) return null;
  return { bytes: c.subarray(1), bitLength: (c.length - 1) * 8 - pad };
}

/** Go asn1.BitString.RightAlign. */
export function rightAlign(bytes: Uint8Array, bitLength: number): Uint8Array {
  const shift = 8 - (bitLength % 8);
  if (shift === 8 || bytes.length === 0) return bytes;
  const out = new Uint8Array(bytes.length);
  out[0] = bytes[0]! >> shift;
  for (let i = 1; i < bytes.length; i++) out[i] = ((bytes[i - 1]! << (8 - shift)) | (bytes[i]! >> shift)) & 0xff;
  return out;
}

/** OID arcs in dotted form, as arcs.join('.') (a loop: join costs more on arrays this short). */
export function dottedOid(arcs: readonly number[]): string {
  let s = String(arcs[0] ?? '');
  for (let i = 1; i < arcs.length; i++) s += `.${arcs[i]}`;
  return s;
}

/**
 * OBJECT IDENTIFIER content → arcs (≤ 5 bytes per arc, ≤ MaxInt32), or null. `minimal` refuses an arc that
 * starts with 0x80 as encoding/asn1's parseBase128Int does; the cryptobyte that Go 1.19 vendors has no such check.
 */
export function objectIdentifierArcs(c: Uint8Array, minimal = true): number[] | null {
  if (c.length === 0) return null;
  const arcs: number[] = [];
  let i = 0;
  const next = (): number | null => {
    let v = 0;
    for (let n = 0; i < c.length; n++) {
      if (n === 5) return null;
      const b = c[i++]!;
      if (minimal && n === 0 && b === 0x80) return null;
      v = v * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) return v > 0x7fffffff ? null : v;
    }
    return null;
  };
  const first = next();
  if (first === null) return null;
  if (first < 80) arcs.push(Math.floor(first / 40), first % 40);
  else arcs.push(2, first - 80);
  while (i < c.length) {
    const v = next();
    if (v === null) return null;
    arcs.push(v);
  }
  return arcs;
}
