// Explains how two DER certificates or CSRs differ: names the first differing field, not just "bytes differ".
import { hex } from './der-builders.js';
import { decodeOid, readChildren, readSingle, type DerNode } from './der-reader.js';

const STRING_TYPES: Record<number, string> = {
  0x0c: 'UTF8String',
  0x13: 'PrintableString',
  0x16: 'IA5String',
  0x14: 'T61String',
  0x1e: 'BMPString',
  0x12: 'NumericString',
};

const eq = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

function describeName(label: string, a: DerNode, b: DerNode): string {
  const ra = readChildren(a);
  const rb = readChildren(b);
  for (let i = 0; i < Math.max(ra.length, rb.length); i++) {
    const x = ra[i];
    const y = rb[i];
    if (!x || !y) return `${label} has ${ra.length} RDNs, expected ${rb.length}`;
    if (eq(x.raw, y.raw)) continue;
    const ax = readChildren(x);
    const ay = readChildren(y);
    if (ax.length !== ay.length) return `${label} RDN ${i} has ${ax.length} attributes, expected ${ay.length}`;
    for (let j = 0; j < ax.length; j++) {
      const [tx, vx] = readChildren(ax[j]!);
      const [ty, vy] = readChildren(ay[j]!);
      if (!eq(tx!.raw, ty!.raw)) return `${label} RDN ${i} type ${decodeOid(tx!.content)} != ${decodeOid(ty!.content)}`;
      if (vx!.tag !== vy!.tag) {
        return `${label} RDN ${i} string type ${STRING_TYPES[vx!.tag] ?? vx!.tag} != ${STRING_TYPES[vy!.tag] ?? vy!.tag}`;
      }
      if (!eq(vx!.raw, vy!.raw)) {
        return `${label} RDN ${i} value ${JSON.stringify(Buffer.from(vx!.content).toString())} != ${JSON.stringify(Buffer.from(vy!.content).toString())}`;
      }
    }
  }
  return `${label} differs`;
}

function extensionsOf(node: DerNode): Array<{ oid: string; raw: Uint8Array; critical: boolean; value: Uint8Array }> {
  return readChildren(readChildren(node)[0]!).map((ext) => {
    const parts = readChildren(ext);
    const critical = parts[1]?.tag === 0x01 && parts[1].content[0] !== 0;
    return { oid: decodeOid(parts[0]!.content), raw: ext.raw, critical, value: parts[parts.length - 1]!.content };
  });
}

function describeExtensions(a: DerNode, b: DerNode): string {
  const ea = extensionsOf(a);
  const eb = extensionsOf(b);
  const order = (l: typeof ea) => l.map((e) => e.oid).join(',');
  if (order(ea) !== order(eb)) return `extension order ${order(ea)} != ${order(eb)}`;
  for (let i = 0; i < ea.length; i++) {
    const x = ea[i]!;
    const y = eb[i]!;
    if (x.critical !== y.critical) return `extension ${x.oid} criticality ${x.critical} != ${y.critical}`;
    if (!eq(x.value, y.value)) return `extension ${x.oid} value differs: ${hex(x.value)} != ${hex(y.value)}`;
  }
  return 'extensions differ';
}

const TBS_FIELDS = ['version', 'serialNumber', 'signature', 'issuer', 'validity', 'subject', 'subjectPublicKeyInfo'];

/** Compare two TBSCertificate nodes; null when equal, else the first differing field. */
export function explainTbsDifference(ours: DerNode, theirs: DerNode): string | null {
  if (eq(ours.raw, theirs.raw)) return null;
  const a = readChildren(ours);
  const b = readChildren(theirs);
  const pa = a[0]?.tag === 0xa0 ? a : [undefined, ...a];
  const pb = b[0]?.tag === 0xa0 ? b : [undefined, ...b];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    const field = TBS_FIELDS[i] ?? (x?.tag === 0xa3 || y?.tag === 0xa3 ? 'extensions' : `field ${i}`);
    if (!x && !y) continue;
    if (!x || !y) return `${field} present in only one certificate`;
    if (eq(x.raw, y.raw)) continue;
    if (field === 'issuer' || field === 'subject') return describeName(field, x, y);
    if (field === 'validity') {
      const [xb, xa] = readChildren(x);
      const [yb, ya] = readChildren(y);
      if (!eq(xb!.raw, yb!.raw)) return `notBefore ${Buffer.from(xb!.content).toString()} != ${Buffer.from(yb!.content).toString()}`;
      return `notAfter ${Buffer.from(xa!.content).toString()} != ${Buffer.from(ya!.content).toString()}`;
    }
    if (field === 'extensions') return describeExtensions(x, y);
    return `${field} differs: ${hex(x.raw)} != ${hex(y.raw)}`;
  }
  return 'TBSCertificate differs';
}

/** The parts of a signed object (certificate or CSR). */
export function signedParts(der: Uint8Array): { tbs: DerNode; algorithm: DerNode; signature: Uint8Array } {
  const [tbs, algorithm, sig] = readChildren(readSingle(der));
  return { tbs: tbs!, algorithm: algorithm!, signature: sig!.content.subarray(1) };
}

/** Compare two certificates; null when byte-identical, else the first differing field. */
export function explainCertificateDifference(ours: Uint8Array, theirs: Uint8Array): string | null {
  if (eq(ours, theirs)) return null;
  const a = signedParts(ours);
  const b = signedParts(theirs);
  const tbs = explainTbsDifference(a.tbs, b.tbs);
  if (tbs) return tbs;
  if (!eq(a.algorithm.raw, b.algorithm.raw)) return 'signatureAlgorithm differs';
  return 'signature value differs';
}

/** Compare two CSRs' CertificationRequestInfo; null when equal. */
export function explainCsrInfoDifference(ours: Uint8Array, theirs: Uint8Array): string | null {
  const a = readChildren(signedParts(ours).tbs);
  const b = readChildren(signedParts(theirs).tbs);
  const names = ['version', 'subject', 'subjectPublicKeyInfo', 'attributes'];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (!x || !y) return `CSR ${names[i]} present in only one request`;
    if (eq(x.raw, y.raw)) continue;
    if (i === 1) return describeName('CSR subject', x, y);
    if (i === 3) {
      const ext = (n: DerNode) => readChildren(readChildren(readChildren(n)[0]!)[1]!)[0]!;
      try {
        return describeExtensions({ ...x, content: ext(x).raw }, { ...y, content: ext(y).raw });
      } catch {
        return `CSR attributes differ: ${hex(x.raw)} != ${hex(y.raw)}`;
      }
    }
    return `CSR ${names[i]} differs: ${hex(x.raw)} != ${hex(y.raw)}`;
  }
  return null;
}
