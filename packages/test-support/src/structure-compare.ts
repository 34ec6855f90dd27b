// Field-by-field comparison of a fresh certificate with cfssl's, ignoring only what must differ:
// key material, serial, SKI/AKI values (not sizes), signature value and absolute validity.
import { decodeOid, readChildren, readSingle, type DerNode } from './der-reader.js';

const eq = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

interface CertView {
  version: Uint8Array;
  serial: Uint8Array;
  sigAlg: Uint8Array;
  issuer: Uint8Array;
  notBefore: DerNode;
  notAfter: DerNode;
  subject: Uint8Array;
  spkiAlgorithm: Uint8Array;
  publicKeyLength: number;
  extensions: Array<{ oid: string; critical: boolean; value: Uint8Array }>;
}

function timeMs(node: DerNode): number {
  const s = Buffer.from(node.content).toString('latin1');
  const full = node.tag === 0x17 ? (Number(s.slice(0, 2)) >= 50 ? '19' : '20') + s : s;
  return Date.UTC(
    +full.slice(0, 4),
    +full.slice(4, 6) - 1,
    +full.slice(6, 8),
    +full.slice(8, 10),
    +full.slice(10, 12),
    +full.slice(12, 14),
  );
}

function view(der: Uint8Array): CertView {
  const [tbs] = readChildren(readSingle(der));
  const f = readChildren(tbs!);
  const [version, serial, sigAlg, issuer, validity, subject, spki, exts] = f;
  const [nb, na] = readChildren(validity!);
  const [alg, bits] = readChildren(spki!);
  const extensions = exts
    ? readChildren(readChildren(exts)[0]!).map((e) => {
        const p = readChildren(e);
        return { oid: decodeOid(p[0]!.content), critical: p[1]?.tag === 0x01, value: p[p.length - 1]!.content };
      })
    : [];
  return {
    version: version!.raw,
    serial: serial!.content,
    sigAlg: sigAlg!.raw,
    issuer: issuer!.raw,
    notBefore: nb!,
    notAfter: na!,
    subject: subject!.raw,
    spkiAlgorithm: alg!.raw,
    publicKeyLength: bits!.content.length,
    extensions,
  };
}

/** Go Time.Round(time.Minute). */
export function roundMinute(ms: number): number {
  return Math.floor((ms + 30_000) / 60_000) * 60_000;
}

export interface StructureWindow {
  /** Real clock just before and after our run. */
  start: number;
  end: number;
  /** cfssl's clock reading for its run (case.json replay.now), or null when validity is pinned. */
  recordedNow: number | null;
  /** selfsign does not round the clock. */
  rounded: boolean;
}

/** Returns every structural difference (empty when the certificates match structurally). */
export function structuralDifferences(ours: Uint8Array, theirs: Uint8Array, w: StructureWindow): string[] {
  const a = view(ours);
  const b = view(theirs);
  const out: string[] = [];
  if (!eq(a.version, b.version)) out.push('version differs');
  if (!eq(a.sigAlg, b.sigAlg)) out.push('signature algorithm differs');
  if (!eq(a.issuer, b.issuer)) out.push('issuer bytes differ');
  if (!eq(a.subject, b.subject)) out.push('subject bytes differ');
  if (!eq(a.spkiAlgorithm, b.spkiAlgorithm)) out.push('public key algorithm differs');
  // RSA moduli may lose a leading zero byte; allow one byte of slack there only.
  if (Math.abs(a.publicKeyLength - b.publicKeyLength) > 1 || (a.publicKeyLength !== b.publicKeyLength && a.publicKeyLength < 100)) {
    out.push(`public key size ${a.publicKeyLength} != ${b.publicKeyLength}`);
  }
  if (a.serial.length > 20 || (a.serial[0]! & 0x80) !== 0) out.push('serial not positive or longer than 20 bytes');
  const order = (v: CertView) => v.extensions.map((e) => `${e.oid}${e.critical ? '!' : ''}`).join(',');
  if (order(a) !== order(b)) out.push(`extensions ${order(a)} != ${order(b)}`);
  else {
    a.extensions.forEach((e, i) => {
      const t = b.extensions[i]!;
      const keyId = e.oid === '2.5.29.14' || e.oid === '2.5.29.35';
      if (keyId ? e.value.length !== t.value.length : !eq(e.value, t.value)) out.push(`extension ${e.oid} value differs`);
    });
  }
  if (a.notBefore.tag !== b.notBefore.tag || a.notAfter.tag !== b.notAfter.tag) out.push('UTCTime/GeneralizedTime choice differs');
  const durA = timeMs(a.notAfter) - timeMs(a.notBefore);
  const durB = timeMs(b.notAfter) - timeMs(b.notBefore);
  if (durA !== durB) out.push(`validity duration ${durA} ms != ${durB} ms`);
  if (w.recordedNow === null) {
    if (timeMs(a.notBefore) !== timeMs(b.notBefore)) out.push('pinned notBefore differs');
  } else {
    const clock = (t: number) => (w.rounded ? roundMinute(t) : Math.floor(t / 1000) * 1000);
    const backdate = clock(w.recordedNow) - timeMs(b.notBefore);
    const nb = timeMs(a.notBefore);
    if (nb < clock(w.start) - backdate || nb > clock(w.end) - backdate) out.push('notBefore outside the backdate window');
  }
  return out;
}
