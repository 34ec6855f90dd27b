// PEM (RFC 7468) as Go's encoding/pem writes and reads it.
import { encodeGoBase64Std } from '../go/base64-std-encode.js';

/** One decoded PEM block. */
export interface PemBlock {
  label: string;
  headers: Map<string, string>;
  der: Uint8Array;
}

const ascii = new TextDecoder();

function fromBase64(text: string): Uint8Array | null {
  try {
    const bin = atob(text);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

/** Encode like Go pem.EncodeToMemory: 64-column base64, no headers, trailing newline. */
export function encodePem(label: string, der: Uint8Array): string {
  const b64 = new TextEncoder().encode(encodeGoBase64Std(der));
  // Go pem lineBreaker: one byte array with a newline after every 64 characters and after the last line.
  const body = new Uint8Array(b64.length + Math.ceil(b64.length / 64));
  let o = 0;
  for (let i = 0; i < b64.length; i += 64) {
    const line = b64.subarray(i, i + 64);
    body.set(line, o);
    o += line.length;
    body[o++] = 0x0a;
  }
  return `-----BEGIN ${label}-----\n${ascii.decode(body)}-----END ${label}-----\n`;
}

const BEGIN = /-----BEGIN ([^\r\n-]*(?:-[^\r\n-]+)*)-----\r?\n/g;

/**
 * Decode every PEM block in `text`, in order (Go pem.Decode applied repeatedly).
 * Text outside blocks is skipped; a block with bad base64 is skipped like Go does.
 */
export function decodePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  BEGIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BEGIN.exec(text)) !== null) {
    const label = m[1]!;
    const endMarker = `-----END ${label}-----`;
    const end = text.indexOf(endMarker, BEGIN.lastIndex);
    if (end < 0) break;
    const inner = text.slice(BEGIN.lastIndex, end);
    const lines = inner.split(/\r?\n/);
    const headers = new Map<string, string>();
    let i = 0;
    // RFC 1421 headers (e.g. Proc-Type) up to the first blank line.
    if (lines[0]?.includes(':')) {
      for (; i < lines.length && lines[i]!.trim() !== ''; i++) {
        const line = lines[i]!;
        const colon = line.indexOf(':');
        if (colon < 0) break;
        headers.set(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
      }
    }
    const der = fromBase64(lines.slice(i).join('').replace(/\s+/g, ''));
    BEGIN.lastIndex = end + endMarker.length;
    if (der) blocks.push({ label, headers, der });
  }
  return blocks;
}

/** Decode the first PEM block, or null (Go pem.Decode returning nil). */
export function decodeFirstPem(text: string): PemBlock | null {
  return decodePemBlocks(text)[0] ?? null;
}
