// Where a directory stands in a three-phase CA rotation (cfssl-ts rotate-ca), read from its files alone.
import type { ParsedCertificate, WebCrypto } from '@cfssl-ts/core';
import { CA_FILES, leafCertificateFiles } from '../_internal/certificate-files.js';
import { isSignedBy } from '../_internal/certificate-mismatches.js';
import { parseCertificateFile } from '../_internal/parse-layout-pem.js';
import { readCaBundle } from '../_internal/read-ca-bundle.js';

/**
 * - `none`: ca.pem holds one CA certificate and there is no ca-old.pem (no rotation in progress).
 * - `new-ca-trusted`: phase one done (ca.pem is the new CA then the old one, leaves still signed by the old).
 * - `leaves-reissued`: phase two done (every leaf signed by the new CA, ca.pem still trusts the old).
 * - `finishing`: phase three interrupted (ca.pem holds only the new CA, ca-old.pem or ca-old-key.pem remain).
 * - `inconsistent`: the files do not fit any phase; `unreadable`: ca.pem is missing or cannot be parsed.
 */
export type CaRotationPhase = 'none' | 'new-ca-trusted' | 'leaves-reissued' | 'finishing' | 'inconsistent' | 'unreadable';

/** The result of {@link readCaRotationState}. */
export interface CaRotationState {
  phase: CaRotationPhase;
  /** Where the directory stands, in one sentence (no directory name: the caller prefixes it). */
  description: string;
  /** The `rotate-ca` step that comes next (`''` is phase one), or null when none can run. */
  next: '' | '-reissue' | '-finish' | null;
  /** Certificates of ca.pem, in order (the new CA first during a rotation). */
  trusted: ParsedCertificate[];
  /** Leaf certificate files signed by the old CA (ca-old.pem) and by the new one (first of ca.pem). */
  oldLeaves: string[];
  newLeaves: string[];
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

const leaves = (n: number): string => `${n} ${n === 1 ? 'leaf' : 'leaves'}`;

/**
 * Read the rotation phase of a certificate directory (file name -> bytes). Phase one writes ca.pem as
 * the new CA followed by the old (both trusted, as Go's CertPool and OpenSSL read a file of several
 * certificates) and keeps the old CA as ca-old.pem/ca-old-key.pem; phase two re-signs the leaves with
 * the new CA; phase three leaves the new CA alone in ca.pem and removes ca-old*.pem.
 *
 * @example
 * const state = await readCaRotationState(filesOf('etcd-cert'));
 * if (state.phase === 'new-ca-trusted') console.log(`next: cfssl-ts rotate-ca ${state.next} etcd-cert`);
 */
export async function readCaRotationState(
  files: ReadonlyMap<string, Uint8Array>,
  crypto: WebCrypto = globalThis.crypto,
): Promise<CaRotationState> {
  const base = { trusted: [] as ParsedCertificate[], oldLeaves: [] as string[], newLeaves: [] as string[] };
  const caBytes = files.get(CA_FILES.ca);
  if (caBytes === undefined) return { ...base, phase: 'unreadable', description: 'ca.pem is missing', next: null };
  const bundle = readCaBundle(caBytes);
  if (!bundle.ok) return { ...base, phase: 'unreadable', description: `ca.pem: ${bundle.reason}`, next: null };
  const trusted = bundle.value;
  const hasOld = files.has(CA_FILES.oldCa);
  const hasOldKey = files.has(CA_FILES.oldCaKey);
  const state = { ...base, trusted };
  const inconsistent = (why: string): CaRotationState => ({
    ...state,
    phase: 'inconsistent',
    description: `the CA files fit no phase of a CA rotation: ${why}`,
    next: null,
  });
  if (trusted.length > 2) return inconsistent(`ca.pem holds ${trusted.length} certificates (a rotation has two: the new CA, then the old)`);
  if (trusted.length === 1) {
    if (!hasOld && !hasOldKey) {
      return { ...state, phase: 'none', description: 'no CA rotation in progress (ca.pem holds one CA certificate)', next: '' };
    }
    const left = [hasOld ? CA_FILES.oldCa : null, hasOldKey ? CA_FILES.oldCaKey : null].filter((f) => f !== null).join(' and ');
    return {
      ...state,
      phase: 'finishing',
      description: `CA rotation phase three of three is not complete: ca.pem holds only the new CA, but ${left} remain`,
      next: '-finish',
    };
  }
  const [newCa, oldCa] = trusted as [ParsedCertificate, ParsedCertificate];
  const oldBytes = files.get(CA_FILES.oldCa);
  if (oldBytes === undefined) return inconsistent('ca.pem holds two certificates but ca-old.pem is missing');
  const oldFile = parseCertificateFile(oldBytes);
  if (!oldFile.ok) return inconsistent(`ca-old.pem: ${oldFile.reason}`);
  if (!sameBytes(oldFile.value.raw, oldCa.raw)) return inconsistent('the second certificate of ca.pem is not the one in ca-old.pem');
  if (!hasOldKey) return inconsistent('ca-old-key.pem (the old CA key, kept until the rotation finishes) is missing');
  for (const name of leafCertificateFiles(files.keys())) {
    const leaf = parseCertificateFile(files.get(name) as Uint8Array);
    if (!leaf.ok || leaf.value.isCa) continue;
    if (await isSignedBy(leaf.value, newCa, crypto)) state.newLeaves.push(name);
    else if (await isSignedBy(leaf.value, oldCa, crypto)) state.oldLeaves.push(name);
  }
  if (state.oldLeaves.length > 0) {
    return {
      ...state,
      phase: 'new-ca-trusted',
      description:
        `CA rotation phase one of three done: ca.pem trusts the new and the old CA, ${leaves(state.oldLeaves.length)} ` +
        `(${state.oldLeaves.join(', ')}) still signed by the old CA; roll ca.pem out to every member, restarting them one by one, ` +
        'then re-issue the leaves',
      next: '-reissue',
    };
  }
  return {
    ...state,
    phase: 'leaves-reissued',
    description:
      'CA rotation phase two of three done: every leaf is signed by the new CA and ca.pem still trusts the old one; ' +
      'roll the leaves out to every member, restarting them one by one, then drop the old CA',
    next: '-finish',
  };
}
