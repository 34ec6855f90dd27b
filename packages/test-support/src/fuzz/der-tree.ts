// A lenient TLV tree of real DER, for mutations that keep every enclosing length right (so mutants reach deep parsers).

/** A node: primitive content, constructed children, or a string type whose content is itself DER (extension values, keys). */
export type DerTree = (
  | { tag: number; kind: 'leaf'; content: Uint8Array }
  | { tag: number; kind: 'children'; children: DerTree[] }
  | { tag: number; kind: 'wrapped'; prefix: Uint8Array; inner: DerTree }
) & {
  /** Length octets written instead of the minimal ones (a tampered length inside well-formed parents). */
  lengthOverride?: number[];
};

function header(buf: Uint8Array, off: number): { tag: number; start: number; end: number } | null {
  if (off + 2 > buf.length) return null;
  const tag = buf[off]!;
  if ((tag & 0x1f) === 0x1f) return null;
  let len = buf[off + 1]!;
  let start = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 3 || start + n > buf.length) return null;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i]!;
    start += n;
  }
  return start + len > buf.length ? null : { tag, start, end: start + len };
}

function parseAll(buf: Uint8Array, depth: number): DerTree[] | null {
  const out: DerTree[] = [];
  for (let off = 0; off < buf.length; ) {
    const node = parseAt(buf, off, depth);
    if (!node) return null;
    out.push(node.tree);
    off = node.next;
  }
  return out;
}

function parseAt(buf: Uint8Array, off: number, depth: number): { tree: DerTree; next: number } | null {
  const h = header(buf, off);
  if (!h) return null;
  const content = buf.subarray(h.start, h.end);
  const leaf: DerTree = { tag: h.tag, kind: 'leaf', content };
  if (depth > 40) return { tree: leaf, next: h.end };
  if (h.tag & 0x20) {
    const children = parseAll(content, depth + 1);
    return { tree: children ? { tag: h.tag, kind: 'children', children } : leaf, next: h.end };
  }
  // OCTET STRING holding DER (extension values), BIT STRING with no unused bits holding DER (RSA keys).
  const prefixLength = h.tag === 0x04 ? 0 : h.tag === 0x03 && content[0] === 0 ? 1 : -1;
  if (prefixLength >= 0 && content.length > prefixLength + 1 && (content[prefixLength]! & 0x20) !== 0) {
    const inner = parseAll(content.subarray(prefixLength), depth + 1);
    if (inner?.length === 1)
      return { tree: { tag: h.tag, kind: 'wrapped', prefix: content.subarray(0, prefixLength), inner: inner[0]! }, next: h.end };
  }
  return { tree: leaf, next: h.end };
}

/** The tree of `der`, or null when it is not one well-formed TLV. */
export function parseDerTree(der: Uint8Array): DerTree | null {
  const all = parseAll(der, 0);
  return all?.length === 1 ? all[0]! : null;
}

/** The minimal definite length octets of `n` (X.690 §10.1). */
export function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256);
  return [0x80 | out.length, ...out];
}

/** DER of a tree with minimal lengths. */
export function encodeDerTree(t: DerTree): Uint8Array {
  const content =
    t.kind === 'leaf'
      ? t.content
      : t.kind === 'wrapped'
        ? Buffer.concat([t.prefix, encodeDerTree(t.inner)])
        : Buffer.concat(t.children.map(encodeDerTree));
  return new Uint8Array(Buffer.concat([Uint8Array.of(t.tag, ...(t.lengthOverride ?? lengthBytes(content.length))), content]));
}

/** Every node, depth first (the root first), for picking one by index. */
export function derTreeNodes(t: DerTree): DerTree[] {
  const out: DerTree[] = [t];
  if (t.kind === 'children') for (const c of t.children) out.push(...derTreeNodes(c));
  if (t.kind === 'wrapped') out.push(...derTreeNodes(t.inner));
  return out;
}
