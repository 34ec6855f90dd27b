// cfssl bundler.Bundler (NewBundlerFromPEM + BundleFromPEMorDER + Bundle): a certificate's chain built
// and verified from the given root and intermediate stores, the way cfssl 1.6.5 selects and reports it
// (reference §2.9). No network: AIA issuers are never fetched, the input's own intermediates are used.
import type { WebCrypto } from '../keys/webcrypto-types.js';
import { CfsslError } from '../errors/cfssl-error.js';
import type { ParsedCertificate } from '../cert/parse-certificate.js';
import { exportPrivateKeyPem } from '../keys/export-private-key.js';
import { importPrivateKeyPem } from '../keys/import-private-key.js';
import type { KeyPair } from '../keys/key-pair.js';
import type { ChainCertificate } from './_internal/chain-certificate.js';
import { goNameString } from './_internal/go-name-string.js';
import { parseCertificateList } from './_internal/parse-certificate-list.js';
import { chainHashUbiquity, chainKeyAlgoUbiquity, optimalChains, ubiquitousChains } from './_internal/rank-chains.js';
import { CertificatePool, ChainVerificationError, checkSignatureFrom, verifyChains } from './_internal/verify-chains.js';

/** What to bundle and with which stores. */
export interface BundleRequest {
  /** The `-cert` input: PEM certificates (leaf first, or the reverse) or one DER certificate. */
  certificates: Uint8Array;
  /** The `-key` input (PEM), if any. */
  key?: string | null;
  /** Root store PEM (`-ca-bundle`, or the system store); null when there is none. Unused for `force`. */
  roots: Uint8Array | null;
  /** Intermediate store PEM (`-int-bundle`). */
  intermediates?: Uint8Array | null;
  /** `ubiquitous` (default), `optimal` or `force`; any other value ranks like ubiquitous, silently. */
  flavor?: string;
  now?: () => number;
  crypto?: WebCrypto;
  /** Receives the lines cfssl's bundler logs (INFO `bundling certificate for …`, WARNING, INFO `the anchoring root is …`). */
  log?: (level: 'info' | 'warning', message: string) => void;
}

/** cfssl bundler.BundleStatus. */
export interface BundleStatus {
  rebundled: boolean;
  expiringSkis: string[] | null;
  untrustedRootStores: string[] | null;
  messages: string[] | null;
  /** Bits: 1 = a certificate expires within 30 days, 2 = not ubiquitous. */
  code: number;
}

/** cfssl bundler.Bundle, as its MarshalJSON reads it. */
export interface CertificateBundle {
  /** The bundle: leaf first; the root is dropped except as cfssl keeps it (OCSP leaf, chain ≤ 2). */
  chain: ParsedCertificate[];
  leaf: ParsedCertificate;
  /** The anchoring root (null for `force`). */
  root: ParsedCertificate | null;
  /** The supplied key in cfssl's PEM form, or null. */
  keyPem: string | null;
  keyType: string;
  keySize: number;
  hostnames: string[];
  ocspServers: string[] | null;
  crlSupport: boolean;
  /** Earliest notAfter of `chain`. */
  expires: number;
  leafExpires: number;
  status: BundleStatus;
}

const SHA2_WARNING =
  'The bundle contains certificates signed with advanced hash functions such as SHA2, which are problematic for certain operating systems, e.g. Windows XP SP2.';
const ECDSA_WARNING =
  'The bundle contains ECDSA signatures, which are problematic for certain operating systems, e.g. Windows XP, Android 2.2 and Android 2.3.';
const UBIQUITY_WARNING = 'Unable to measure bundle ubiquity: No platform metadata present.';
const NO_METADATA = 'No metadata, Ubiquitous falls back to Optimal.';

const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i]);
const hexUpper = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0').toUpperCase()).join('');

// NewBundlerFromPEM reports every store failure as ParseFailed of its category (4003 root, 3003 intermediate).
function store(bytes: Uint8Array | null | undefined, kind: 'root' | 'intermediate'): ChainCertificate[] {
  if (!bytes) return [];
  const list = parseCertificateList(bytes);
  if (list === 'decode' || list === 'parse') {
    throw new CfsslError('ERR_CERTIFICATE', kind === 'root' ? 4003 : 3003, `Failed to parse ${kind} certificate`);
  }
  return list;
}

async function partialVerify(certs: readonly ChainCertificate[], crypto: WebCrypto): Promise<boolean> {
  if (certs.length === 0) return false;
  for (let i = 0; i < certs.length - 1; i++) {
    if ((await checkSignatureFrom(certs[i]!, certs[i + 1]!, crypto)) !== null) return false;
  }
  return true;
}

function checkKey(leaf: ChainCertificate, key: KeyPair | null): void {
  const pub = leaf.publicKey;
  if (!pub) throw new CfsslError('ERR_PRIVATE_KEY', 2200);
  if (key && (key.algorithm !== pub.algorithm || !bytesEqual(key.spki, pub.spki))) throw new CfsslError('ERR_PRIVATE_KEY', 2300);
}

function keyDescription(leaf: ChainCertificate): { keyType: string; keySize: number } {
  const pub = leaf.publicKey!;
  switch (pub.algorithm) {
    case 'ecdsa':
      return { keyType: `${pub.bits}-bit ECDSA`, keySize: pub.bits };
    case 'rsa':
      return { keyType: `${pub.bits}-bit RSA`, keySize: pub.bits };
    default:
      // helpers.KeyLength: ed25519.PublicKeySize
      return { keyType: 'Ed25519', keySize: 32 };
  }
}

// Bundle.buildHostnames: the CN and the DNS names, without duplicates (cfssl's order is Go map order).
function hostnames(leaf: ParsedCertificate): string[] {
  const set = new Set<string>();
  if (leaf.subject.name.commonName !== '') set.add(leaf.subject.name.commonName);
  for (const d of leaf.sans.dnsNames) set.add(d);
  return [...set];
}

/**
 * Build, verify and describe the bundle of a certificate like `cfssl bundle`: the store and input
 * parsing errors (4003, 3003, 2xxx, 1002/1003), the key match (2300), self-signed leaves (1100), Go's
 * chain verification (1211 expired, 1210 CA:FALSE intermediate, 1212 name constraints, 1213 path
 * length, 1220 unknown authority, with Go's texts), cfssl's chain ranking and its status report.
 *
 * @example
 * const bundle = await buildBundle({ certificates: leafPem, roots: rootPem, intermediates: interPem });
 * marshalBundleJson(bundle);
 */
export async function buildBundle(request: BundleRequest): Promise<CertificateBundle> {
  const crypto = request.crypto ?? globalThis.crypto;
  const now = request.now?.() ?? Date.now();
  const flavor = request.flavor ?? 'ubiquitous';
  const force = flavor === 'force';
  const log = request.log ?? (() => undefined);

  const roots = new CertificatePool();
  const intermediates = new CertificatePool();
  const known = new Set<string>();
  if (!force) {
    for (const c of store(request.roots, 'root')) {
      roots.add(c);
      known.add(hexUpper(c.cert.signature));
    }
    for (const c of store(request.intermediates, 'intermediate')) {
      intermediates.add(c);
      known.add(hexUpper(c.cert.signature));
    }
  }

  let key: KeyPair | null = null;
  if (request.key) key = await importPrivateKeyPem(request.key, crypto);
  const parsed = parseCertificateList(request.certificates);
  if (parsed === 'decode') throw new CfsslError('ERR_CERTIFICATE', 1002);
  if (parsed === 'parse') throw new CfsslError('ERR_CERTIFICATE', 1003);
  if (parsed.length === 0) throw new CfsslError('ERR_CERTIFICATE', 1002);

  let certs = parsed;
  log('info', `bundling certificate for ${goNameString(certs[0]!.cert.subject)}`);
  // Detect a chain given root first.
  if (certs.length > 1 && !(await partialVerify(certs, crypto))) {
    const reversed = [...certs].reverse();
    if (await partialVerify(reversed, crypto)) certs = reversed;
  }
  const leaf = certs[0]!;
  checkKey(leaf, key);

  let chain: readonly ChainCertificate[];
  if (force) {
    if (!(await partialVerify(certs, crypto))) throw new CfsslError('ERR_CERTIFICATE', 1200, 'Unable to verify the certificate chain');
    chain = certs;
  } else {
    if ((await checkSignatureFrom(leaf, leaf, crypto)) === null) throw new CfsslError('ERR_CERTIFICATE', 1100);
    if (!request.roots) throw new CfsslError('ERR_CERTIFICATE', 1200, 'x509: failed to load system roots and no roots provided');
    let chains: ChainCertificate[][];
    try {
      chains = await verifyChains(leaf, roots, intermediates, now, crypto);
    } catch (err) {
      if (!(err instanceof ChainVerificationError)) throw err;
      if (!err.unknownAuthority) throw err.toCfsslError();
      // bundler.fetchIntermediates without AIA fetching: the input's own intermediates, nearest the root first.
      if (!(await adoptInputIntermediates(certs, roots, intermediates, known, now, crypto))) throw err.toCfsslError();
      try {
        chains = await verifyChains(leaf, roots, intermediates, now, crypto);
      } catch (again) {
        throw again instanceof ChainVerificationError ? again.toCfsslError() : again;
      }
    }
    if (flavor === 'optimal') {
      chain = optimalChains(chains)[0]!;
    } else {
      if (flavor === 'ubiquitous') log('warning', NO_METADATA);
      chain = ubiquitousChains(chains)[0]!;
    }
  }

  let code = 0;
  const messages: string[] = [];
  const expiring = chain.flatMap((c, i) => ((c.cert.notAfter - now) / 3_600_000 < 720 ? [i] : []));
  if (expiring.length > 0) {
    code |= 1;
    messages.push(
      `The bundle is expiring within 30 days.${expiring.length > 1 ? 'The expiring certs are' : 'The expiring cert is'}${expiring.map((i) => ` #${i + 1}`).join('')} in the chain.`,
    );
  }
  if (chainHashUbiquity(chain) <= 70) {
    code |= 2;
    messages.push(SHA2_WARNING);
  }
  if (chainKeyAlgoUbiquity(chain) <= 70) {
    code |= 2;
    messages.push(ECDSA_WARNING);
  }
  let root: ChainCertificate | null = null;
  let untrusted: string[] | null = null;
  if (!force) {
    root = chain[chain.length - 1]!;
    log('info', `the anchoring root is ${goNameString(root.cert.subject)}`);
    untrusted = [];
    // Without platform metadata cfssl always adds this warning.
    code |= 2;
    messages.push(UBIQUITY_WARNING);
  }
  const expiringSkis = expiring.length > 0 ? expiring.map((i) => hexUpper(chain[i]!.cert.subjectKeyId)) : null;

  let bundled = [...chain];
  if (!force) {
    const keepRoot = leaf.ocspServers !== null && !leaf.cert.isCa && bundled.length <= 2;
    if (!keepRoot && bundled.length > 1) bundled = bundled.slice(0, -1);
  }
  const rebundled = bundled.length !== certs.length || bundled.some((c, i) => !bytesEqual(c.cert.signature, certs[i]!.cert.signature));

  return {
    chain: bundled.map((c) => c.cert),
    leaf: leaf.cert,
    root: root?.cert ?? null,
    keyPem: key ? exportPrivateKeyPem(key) : null,
    ...keyDescription(leaf),
    hostnames: hostnames(leaf.cert),
    ocspServers: leaf.ocspServers,
    crlSupport: leaf.crlDistributionPoints !== null,
    expires: Math.min(...bundled.map((c) => c.cert.notAfter)),
    leafExpires: bundled[0]!.cert.notAfter,
    status: { rebundled, expiringSkis, untrustedRootStores: untrusted, messages: messages.length > 0 ? messages : null, code },
  };
}

// bundler.fetchIntermediates + verifyChain, minus the AIA walk: returns whether any chain was found.
async function adoptInputIntermediates(
  certs: readonly ChainCertificate[],
  roots: CertificatePool,
  intermediates: CertificatePool,
  known: Set<string>,
  now: number,
  crypto: WebCrypto,
): Promise<boolean> {
  let chain = certs.map((cert, i) => ({ cert, stored: i > 0 })).reverse();
  let found = 0;
  while (chain.length > 0) {
    let ok = true;
    for (let i = 0; i < chain.length; i++) {
      const { cert, stored } = chain[i]!;
      if (known.has(hexUpper(cert.cert.signature))) continue;
      try {
        await verifyChains(cert, roots, intermediates, now, crypto);
      } catch {
        ok = false;
        break;
      }
      if (i === 0 && (await checkSignatureFrom(cert, cert, crypto)) === null) continue;
      if (!stored) continue;
      intermediates.add(cert);
      known.add(hexUpper(cert.cert.signature));
    }
    if (ok) found++;
    chain = chain.slice(1);
  }
  return found > 0;
}
