// Go encoding/pem.Decode (Go 1.19), byte for byte: which block is found, and what is left after it.
import { decodeGoBase64Std } from '../../go/base64-std-decode.js';

/** One PEM block as Go's pem.Decode returns it. */
export interface GoPemBlock {
  type: string;
  headers: Map<string, string>;
  bytes: Uint8Array;
}

const latin1 = new TextDecoder('latin1');
const PEM_START = '\n-----BEGIN ';
const PEM_END = '\n-----END ';
const END_OF_LINE = '-----';

// Go pem.getLine: the line without its \n (and a \r before it), right-trimmed of spaces and tabs.
function getLine(data: string): [line: string, rest: string] {
  let i = data.indexOf('\n');
  let j: number;
  if (i < 0) {
    i = data.length;
    j = i;
  } else {
    j = i + 1;
    if (i > 0 && data[i - 1] === '\r') i--;
  }
  return [data.slice(0, i).replace(/[ \t]+$/, ''), data.slice(j)];
}

const goTrimSpace = (s: string): string => s.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, '');

function fromLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * Go `pem.Decode`: the first well-formed block (skipping text before it and malformed candidates)
 * and the bytes after its END line; `block` is null (and `rest` the whole input) when none is found.
 */
export function decodeGoPem(data: Uint8Array): { block: GoPemBlock | null; rest: Uint8Array } {
  const text = latin1.decode(data);
  let rest = text;
  for (;;) {
    if (rest.startsWith(PEM_START.slice(1))) {
      rest = rest.slice(PEM_START.length - 1);
    } else {
      const at = rest.indexOf(PEM_START);
      if (at < 0) return { block: null, rest: data };
      rest = rest.slice(at + PEM_START.length);
    }
    let typeLine: string;
    [typeLine, rest] = getLine(rest);
    if (!typeLine.endsWith(END_OF_LINE)) continue;
    typeLine = typeLine.slice(0, -END_OF_LINE.length);

    const headers = new Map<string, string>();
    let truncated = false;
    for (;;) {
      if (rest.length === 0) {
        truncated = true;
        break;
      }
      const [line, next] = getLine(rest);
      const colon = line.indexOf(':');
      if (colon < 0) break;
      headers.set(goTrimSpace(line.slice(0, colon)), goTrimSpace(line.slice(colon + 1)));
      rest = next;
    }
    if (truncated) return { block: null, rest: data };

    let endIndex: number;
    let endTrailerIndex: number;
    if (headers.size === 0 && rest.startsWith(PEM_END.slice(1))) {
      endIndex = 0;
      endTrailerIndex = PEM_END.length - 1;
    } else {
      endIndex = rest.indexOf(PEM_END);
      endTrailerIndex = endIndex + PEM_END.length;
    }
    if (endIndex < 0) continue;

    let endTrailer = rest.slice(endTrailerIndex);
    const endTrailerLen = typeLine.length + END_OF_LINE.length;
    if (endTrailer.length < endTrailerLen) continue;
    const restOfEndLine = endTrailer.slice(endTrailerLen);
    endTrailer = endTrailer.slice(0, endTrailerLen);
    if (!endTrailer.startsWith(typeLine) || !endTrailer.endsWith(END_OF_LINE)) continue;
    if (getLine(restOfEndLine)[0].length !== 0) continue;

    let bytes: Uint8Array;
    try {
      bytes = decodeGoBase64Std(rest.slice(0, endIndex).replace(/[ \t]/g, ''));
    } catch {
      continue;
    }
    const after = getLine(rest.slice(endIndex + PEM_END.length - 1))[1];
    return { block: { type: typeLine, headers, bytes }, rest: fromLatin1(after) };
  }
}
