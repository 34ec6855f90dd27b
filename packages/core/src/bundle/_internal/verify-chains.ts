// Go crypto/x509 (1.19) Certificate.Verify with KeyUsages = [Any], as cfssl's bundler calls it:
// chain building over a root and an intermediate pool, CheckSignatureFrom, and isValid's checks
// (validity dates, name constraints of every CA including the root, CA:TRUE for intermediates,
// path length), with Go's error texts and cfssl's 12xx codes.
import type { WebCrypto } from '../../keys/webcrypto-types.js';
import { CfsslError } from '../../errors/cfssl-error.js';
import { signatureAlgorithmByOid } from '../../keys/signature-algorithm.js';
import { verifySignature } from '../../keys/verify-signature.js';
import type { ChainCertificate } from './chain-certificate.js';
import { checkNameConstraints } from './go-name-constraints.js';
import { goQuote } from '../../go/strconv-quote.js';

/** Go x509.InvalidReason values cfssl adds to 1210. */
const INVALID_REASON = {
  notAuthorizedToSign: 0,
  expired: 1,
  caNotAuthorizedForThisName: 2,
  tooManyIntermediates: 3,
  tooManyConstraints: 8,
} as const;

/** A failure of chain verification, in cfssl's wrapping of Go's error (errors.Wrap(CertificateError, VerifyFailed, err)). */
export class ChainVerificationError extends Error {
  override readonly name = 'ChainVerificationError';
  constructor(
    /** 1200, 1210 + reason, or 1220 for an unknown authority. */
    readonly cfsslCode: number,
    message: string,
    /** True for Go's UnknownAuthorityError (cfssl then tries the input's own intermediates). */
    readonly unknownAuthority: boolean,
  ) {
    super(message);
  }

  toCfsslError(): CfsslError {
    return new CfsslError('ERR_CERTIFICATE', this.cfsslCode, this.message);
  }
}

function invalid(reason: number, message: string): ChainVerificationError {
  return new ChainVerificationError(1210 + reason, message, false);
}

const KEY_USAGE_CERT_SIGN = 1 << 5;
const MAX_SIGNATURE_CHECKS = 100;

const SHA1_NAMES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'SHA1-RSA',
  '1.2.840.10045.4.1': 'ECDSA-SHA1',
};

const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/** Go Certificate.CheckSignatureFrom: the parent must be a CA allowed to sign certificates, then the signature. */
export async function checkSignatureFrom(child: ChainCertificate, parent: ChainCertificate, crypto: WebCrypto): Promise<string | null> {
  const p = parent.cert;
  if ((p.version === 3 && !p.basicConstraintsValid) || (p.basicConstraintsValid && !p.isCa)) {
    return 'x509: invalid signature: parent certificate cannot sign this kind of certificate';
  }
  if (p.keyUsage !== 0 && (p.keyUsage & KEY_USAGE_CERT_SIGN) === 0) {
    return 'x509: invalid signature: parent certificate cannot sign this kind of certificate';
  }
  if (!parent.publicKey) return 'x509: cannot verify signature: algorithm unimplemented';
  const oid = child.cert.signatureAlgorithmOid;
  const sha1 = SHA1_NAMES[oid];
  if (sha1) return `x509: cannot verify signature: insecure algorithm ${sha1} (temporarily override with GODEBUG=x509sha1=1)`;
  const algorithm = signatureAlgorithmByOid(oid);
  if (!algorithm) return 'x509: cannot verify signature: algorithm unimplemented';
  if (algorithm.keyAlgorithm !== parent.publicKey.algorithm) {
    return `x509: signature algorithm specifies an ${algorithm.keyAlgorithm === 'rsa' ? 'RSA' : algorithm.keyAlgorithm === 'ecdsa' ? 'ECDSA' : 'Ed25519'} public key, but have public key of another type`;
  }
  if (await verifySignature(p.subjectPublicKeyInfo, oid, child.cert.tbs, child.cert.signature, crypto)) return null;
  switch (algorithm.keyAlgorithm) {
    case 'rsa':
      return 'crypto/rsa: verification error';
    case 'ecdsa':
      return 'x509: ECDSA verification failure';
    default:
      return 'x509: Ed25519 verification failure';
  }
}

// Go time.Format(time.RFC3339) of a UTC instant.
function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

type CertType = 'leaf' | 'intermediate' | 'root';

/** Go Certificate.isValid. */
function isValid(
  c: ChainCertificate,
  certType: CertType,
  currentChain: readonly ChainCertificate[],
  now: number,
): ChainVerificationError | null {
  if (c.unhandledCriticalExtension) return new ChainVerificationError(1200, 'x509: unhandled critical extension', false);
  const child = currentChain[currentChain.length - 1];
  if (child && !bytesEqual(child.cert.issuer.raw, c.cert.subject.raw)) {
    return invalid(5, 'x509: issuer name does not match subject from issuing certificate');
  }
  if (now < c.cert.notBefore) {
    return invalid(
      INVALID_REASON.expired,
      `x509: certificate has expired or is not yet valid: current time ${rfc3339(now)} is before ${rfc3339(c.cert.notBefore)}`,
    );
  }
  if (now > c.cert.notAfter) {
    return invalid(
      INVALID_REASON.expired,
      `x509: certificate has expired or is not yet valid: current time ${rfc3339(now)} is after ${rfc3339(c.cert.notAfter)}`,
    );
  }
  if (certType !== 'leaf' && c.nameConstraints) {
    const v = checkNameConstraints(c.nameConstraints, currentChain);
    if (v?.reason === 'too-many') return invalid(INVALID_REASON.tooManyConstraints, 'x509: unknown error');
    if (v)
      return invalid(
        INVALID_REASON.caNotAuthorizedForThisName,
        `x509: a root or intermediate certificate is not authorized to sign for this name: ${v.detail}`,
      );
  }
  if (certType === 'intermediate' && (!c.cert.basicConstraintsValid || !c.cert.isCa)) {
    return invalid(INVALID_REASON.notAuthorizedToSign, 'x509: certificate is not authorized to sign other certificates');
  }
  if (c.cert.basicConstraintsValid && c.cert.maxPathLen >= 0) {
    if (currentChain.length - 1 > c.cert.maxPathLen) {
      return invalid(INVALID_REASON.tooManyIntermediates, 'x509: too many intermediates for path length constraint');
    }
  }
  return null;
}

/** A certificate pool keyed like Go's CertPool (by raw subject), without duplicates. */
export class CertificatePool {
  private readonly bySubject = new Map<string, ChainCertificate[]>();
  private readonly all: ChainCertificate[] = [];

  add(c: ChainCertificate): void {
    if (this.contains(c)) return;
    const key = hexKey(c.cert.subject.raw);
    const list = this.bySubject.get(key) ?? [];
    list.push(c);
    this.bySubject.set(key, list);
    this.all.push(c);
  }

  contains(c: ChainCertificate): boolean {
    return this.all.some((x) => bytesEqual(x.der, c.der));
  }

  get size(): number {
    return this.all.length;
  }

  /** Go CertPool.findPotentialParents: same issuer name, ordered by key-identifier plausibility. */
  potentialParents(c: ChainCertificate): ChainCertificate[] {
    const matching: ChainCertificate[] = [];
    const one: ChainCertificate[] = [];
    const mismatch: ChainCertificate[] = [];
    for (const candidate of this.bySubject.get(hexKey(c.cert.issuer.raw)) ?? []) {
      const ski = candidate.cert.subjectKeyId;
      const aki = c.cert.authorityKeyId;
      if (bytesEqual(ski, aki)) matching.push(candidate);
      else if ((ski.length === 0 && aki.length > 0) || (ski.length > 0 && aki.length === 0)) one.push(candidate);
      else mismatch.push(candidate);
    }
    return [...matching, ...one, ...mismatch];
  }
}

function hexKey(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

// Go alreadyInChain: same subject, same key and same SAN extension value.
function alreadyInChain(candidate: ChainCertificate, chain: readonly ChainCertificate[]): boolean {
  const san = (c: ChainCertificate) => c.cert.extensions.find((e) => e.oid === '2.5.29.17')?.value ?? null;
  const candidateSan = san(candidate);
  return chain.some((c) => {
    if (!bytesEqual(candidate.cert.subject.raw, c.cert.subject.raw)) return false;
    if (!bytesEqual(candidate.cert.subjectPublicKeyInfo, c.cert.subjectPublicKeyInfo)) return false;
    const certSan = san(c);
    if (candidateSan === null || certSan === null) return candidateSan === null && certSan === null;
    return bytesEqual(candidateSan, certSan);
  });
}

function certName(c: ChainCertificate): string {
  const n = c.cert.subject.name;
  if (n.commonName !== '') return n.commonName;
  if (n.organization.length > 0) return n.organization[0]!;
  return `serial:${c.cert.serialNumber}`;
}

interface BuildState {
  sigChecks: number;
}

async function buildChains(
  c: ChainCertificate,
  currentChain: ChainCertificate[],
  state: BuildState,
  roots: CertificatePool,
  intermediates: CertificatePool,
  now: number,
  crypto: WebCrypto,
): Promise<{ chains: ChainCertificate[][]; err: ChainVerificationError | null }> {
  let chains: ChainCertificate[][] = [];
  // Set inside `consider`: typed by assertion so that the checks after the loops do not narrow them to null.
  let err = null as ChainVerificationError | null;
  let hint = null as { err: string; cert: ChainCertificate } | null;
  const consider = async (certType: 'root' | 'intermediate', candidate: ChainCertificate): Promise<void> => {
    if (alreadyInChain(candidate, currentChain)) return;
    state.sigChecks++;
    if (state.sigChecks > MAX_SIGNATURE_CHECKS) {
      err = new ChainVerificationError(1200, 'x509: signature check attempts limit reached while verifying certificate chain', false);
      return;
    }
    const sigErr = await checkSignatureFrom(c, candidate, crypto);
    if (sigErr !== null) {
      hint ??= { err: sigErr, cert: candidate };
      return;
    }
    err = isValid(candidate, certType, currentChain, now);
    if (err) return;
    if (certType === 'root') {
      chains.push([...currentChain, candidate]);
    } else {
      const sub = await buildChains(candidate, [...currentChain, candidate], state, roots, intermediates, now, crypto);
      err = sub.err;
      chains = chains.concat(sub.chains);
    }
  };
  for (const root of roots.potentialParents(c)) await consider('root', root);
  for (const inter of intermediates.potentialParents(c)) await consider('intermediate', inter);
  if (chains.length > 0) err = null;
  if (chains.length === 0 && err === null) {
    const h = hint;
    const suffix = h
      ? ` (possibly because of ${goQuote(h.err)} while trying to verify candidate authority certificate ${goQuote(certName(h.cert))})`
      : '';
    err = new ChainVerificationError(1220, `x509: certificate signed by unknown authority${suffix}`, true);
  }
  return { chains, err };
}

/**
 * Go `leaf.Verify(VerifyOptions{Roots, Intermediates, KeyUsages: [Any]})`: every chain from the leaf
 * to a root of `roots`, or the error Go returns (as cfssl wraps it).
 */
export async function verifyChains(
  leaf: ChainCertificate,
  roots: CertificatePool,
  intermediates: CertificatePool,
  now: number,
  crypto: WebCrypto,
): Promise<ChainCertificate[][]> {
  const leafErr = isValid(leaf, 'leaf', [], now);
  if (leafErr) throw leafErr;
  if (roots.contains(leaf)) return [[leaf]];
  const { chains, err } = await buildChains(leaf, [leaf], { sigChecks: 0 }, roots, intermediates, now, crypto);
  if (err) throw err;
  return chains;
}
