// UTF-8 view of JS strings, as Go sees the same text: lone surrogates become U+FFFD (Go's RuneError).

const REPLACEMENT = 0xfffd;

/** Code points of `s`, with lone surrogates replaced by U+FFFD (what Go decodes from invalid UTF-8). */
export function* codePoints(s: string): Generator<number> {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? REPLACEMENT;
    yield cp >= 0xd800 && cp <= 0xdfff ? REPLACEMENT : cp;
  }
}

/** Go utf8.EncodeRune. */
export function utf8Bytes(cp: number): number[] {
  if (cp < 0x80) return [cp];
  if (cp < 0x800) return [0xc0 | (cp >> 6), 0x80 | (cp & 0x3f)];
  if (cp < 0x10000) return [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
  return [0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)];
}

/** Length of `s` in UTF-8 bytes (Go's len(s)). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const cp of codePoints(s)) n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  return n;
}

/** Two lowercase hex digits. */
export function hex2(b: number): string {
  return b.toString(16).padStart(2, '0');
}
