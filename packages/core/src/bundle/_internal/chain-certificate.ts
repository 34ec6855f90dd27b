// A certificate as the bundler needs it: core's parse (raw slices, Go's derived fields) plus the
// extensions Go reads for chain building, parsed with pkijs (name constraints, AIA OCSP, CRL DP).
import * as pkijs from 'pkijs';
import { parseCertificate, type ParsedCertificate } from '../../cert/parse-certificate.js';
import { parseSpki, type PublicKeyInfo } from '../../keys/public-key.js';

/** Go's parsed nameConstraints: DNS/email/URI as strings, IP ranges as address + mask. */
export interface NameConstraintSet {
  permittedDns: string[];
  excludedDns: string[];
  permittedEmail: string[];
  excludedEmail: string[];
  permittedUri: string[];
  excludedUri: string[];
  permittedIp: IpRange[];
  excludedIp: IpRange[];
}

/** An iPAddress constraint (RFC 5280 §4.2.1.10: address then mask, 4+4 or 16+16 bytes). */
export interface IpRange {
  ip: Uint8Array;
  mask: Uint8Array;
}

/** One certificate of a bundle or a pool. */
export interface ChainCertificate {
  der: Uint8Array;
  cert: ParsedCertificate;
  /** null for a key algorithm cfssl cannot use (Go: UnknownPublicKeyAlgorithm / DSA). */
  publicKey: PublicKeyInfo | null;
  nameConstraints: NameConstraintSet | null;
  /** Go UnhandledCriticalExtensions is non-empty. */
  unhandledCriticalExtension: boolean;
  /** Go OCSPServer (null when none). */
  ocspServers: string[] | null;
  /** Go CRLDistributionPoints (null when none). */
  crlDistributionPoints: string[] | null;
}

const OID = {
  nameConstraints: '2.5.29.30',
  aia: '1.3.6.1.5.5.7.1.1',
  crlDp: '2.5.29.31',
  ocsp: '1.3.6.1.5.5.7.48.1',
} as const;

// Extensions Go's certificate parser handles; any other critical one makes Verify fail.
const HANDLED = new Set(['2.5.29.14', '2.5.29.15', '2.5.29.17', '2.5.29.19', '2.5.29.30', '2.5.29.31', '2.5.29.32', '2.5.29.35', '2.5.29.37', OID.aia]);

const buffer = (value: Uint8Array): Uint8Array<ArrayBuffer> => value as Uint8Array<ArrayBuffer>;

function emptyConstraints(): NameConstraintSet {
  return {
    permittedDns: [],
    excludedDns: [],
    permittedEmail: [],
    excludedEmail: [],
    permittedUri: [],
    excludedUri: [],
    permittedIp: [],
    excludedIp: [],
  };
}

/** Go parseNameConstraintsExtension: returns the set and whether an unsupported form was met. */
function parseNameConstraints(value: Uint8Array): { set: NameConstraintSet; unhandled: boolean } {
  const nc = pkijs.NameConstraints.fromBER(buffer(value));
  const set = emptyConstraints();
  let unhandled = false;
  const add = (subtrees: pkijs.GeneralSubtree[] | undefined, permitted: boolean): void => {
    for (const subtree of subtrees ?? []) {
      const { type, value: v } = subtree.base;
      switch (type) {
        case 1:
          (permitted ? set.permittedEmail : set.excludedEmail).push(String(v));
          break;
        case 2:
          (permitted ? set.permittedDns : set.excludedDns).push(String(v));
          break;
        case 6:
          (permitted ? set.permittedUri : set.excludedUri).push(String(v));
          break;
        case 7: {
          const bytes = new Uint8Array((v as { valueBlock: { valueHexView: Uint8Array } }).valueBlock.valueHexView);
          const half = bytes.length / 2;
          if (bytes.length !== 8 && bytes.length !== 32) throw new Error(`x509: IP constraint contained value of length ${bytes.length}`);
          (permitted ? set.permittedIp : set.excludedIp).push({ ip: bytes.slice(0, half), mask: bytes.slice(half) });
          break;
        }
        default:
          unhandled = true;
      }
    }
  };
  add(nc.permittedSubtrees, true);
  add(nc.excludedSubtrees, false);
  return { set, unhandled };
}

/** Parse a DER certificate for chain building. Throws on malformed input. */
export function toChainCertificate(der: Uint8Array): ChainCertificate {
  const cert = parseCertificate(der);
  let publicKey: PublicKeyInfo | null = null;
  try {
    publicKey = parseSpki(cert.subjectPublicKeyInfo);
  } catch {
    publicKey = null;
  }
  let nameConstraints: NameConstraintSet | null = null;
  let unhandledCriticalExtension = false;
  let ocspServers: string[] | null = null;
  let crlDistributionPoints: string[] | null = null;
  for (const ext of cert.extensions) {
    let unhandled = !HANDLED.has(ext.oid);
    if (ext.oid === OID.nameConstraints) {
      const parsed = parseNameConstraints(ext.value);
      nameConstraints = parsed.set;
      unhandled = parsed.unhandled;
    } else if (ext.oid === OID.aia) {
      for (const d of pkijs.InfoAccess.fromBER(buffer(ext.value)).accessDescriptions) {
        if (d.accessMethod === OID.ocsp && d.accessLocation.type === 6) (ocspServers ??= []).push(String(d.accessLocation.value));
      }
    } else if (ext.oid === OID.crlDp) {
      for (const dp of pkijs.CRLDistributionPoints.fromBER(buffer(ext.value)).distributionPoints) {
        const names = Array.isArray(dp.distributionPoint) ? dp.distributionPoint : [];
        for (const name of names) if (name.type === 6) (crlDistributionPoints ??= []).push(String(name.value));
      }
    }
    if (ext.critical && unhandled) unhandledCriticalExtension = true;
  }
  return { der, cert, publicKey, nameConstraints, unhandledCriticalExtension, ocspServers, crlDistributionPoints };
}
