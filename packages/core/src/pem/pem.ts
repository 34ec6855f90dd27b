// PEM (RFC 7468) as Go's encoding/pem writes and reads it.

/** One decoded PEM block. */
export interface PemBlock {
  label: string;
  headers: Map<string, string>;
  der: Uint8Array;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// RFC 4648 §4 base64 with padding; a table loop beats btoa(String.fromCharCode(...)) on the hot path.
function toBase64(bytes: Uint8Array): string {
  let out = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[v >> 18]! + B64[(v >> 12) & 63]! + B64[(v >> 6) & 63]! + B64[v & 63]!;
  }
  if (i < n) {
    const v = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += B64[v >> 18]! + B64[(v >> 12) & 63]! + (i + 1 < n ? B64[(v >> 6) & 63]! : '=') + '=';
  }
  return out;
}

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
  const b64 = toBase64(der);
  let body = '';
  for (let i = 0; i < b64.length; i += 64) body += b64.slice(i, i + 64) + '\n';
  return `-----BEGIN ${label}-----\n${body}-----END ${label}-----\n`;
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

export { toBase64, fromBase64 };
