// Does an existing certificate still answer its request? Each difference is one reason.
import {
  classifyHosts,
  keysMatch,
  verifySignature,
  type CertificateRequestSpec,
  type KeyPair,
  type ParsedCertificate,
  type ParsedCsr,
  type WebCrypto,
} from '@cfssl-ts/core';
import { bracketList, describeEku, describeName, describeSans, describeTime, sanKeys } from './describe.js';

/** What a certificate of the layout is expected to be. */
export interface CertificateExpectation {
  request: CertificateRequestSpec;
  /** The CSR the request gives with the existing key (its subject is the expected subject). */
  expectedCsr: ParsedCsr;
  key: KeyPair;
  keyFile: string;
  /** The CA certificate, or `self` for the CA itself. */
  issuer: ParsedCertificate | 'self';
  issuerFile: string;
  /** The profile's extended key usages (dotted OIDs); null for the CA (initca sets none). */
  extKeyUsages: readonly string[] | null;
  now: number;
  crypto: WebCrypto;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** Whether `cert` is signed by `issuer`: issuer name bytes equal its subject, signature verifies with its key. */
export async function isSignedBy(cert: ParsedCertificate, issuer: ParsedCertificate, crypto: WebCrypto): Promise<boolean> {
  return (
    bytesEqual(cert.issuer.raw, issuer.subject.raw) &&
    (await verifySignature(issuer.subjectPublicKeyInfo, cert.signatureAlgorithmOid, cert.tbs, cert.signature, crypto))
  );
}

/**
 * Every way `cert` differs from what its request, key, CA and profile ask for: key, issuer,
 * subject, SANs (leaves only: cfssl's `initca -ca-key` drops a CA's hosts), extended key usages,
 * validity. Empty when the certificate can be kept.
 */
export async function certificateMismatches(cert: ParsedCertificate, expected: CertificateExpectation): Promise<string[]> {
  const reasons: string[] = [];
  if (!keysMatch(expected.key, cert.subjectPublicKeyInfo)) reasons.push(`its public key is not the key in ${expected.keyFile}`);

  if (expected.issuer === 'self') {
    if (!cert.isCa) reasons.push('it is not a CA certificate (basicConstraints CA:FALSE or absent)');
    if (!(await isSignedBy(cert, cert, expected.crypto))) reasons.push('it is not self-signed');
  } else if (!(await isSignedBy(cert, expected.issuer, expected.crypto))) {
    reasons.push(`it is not signed by ${expected.issuerFile} (issuer ${describeName(cert.issuer)})`);
  }

  const wantSubject = describeName(expected.expectedCsr.subject);
  if (describeName(cert.subject) !== wantSubject)
    reasons.push(`subject: certificate has "${describeName(cert.subject)}", requested "${wantSubject}"`);

  if (expected.extKeyUsages !== null) {
    const hosts = classifyHosts(expected.request.hosts);
    const want = sanKeys({
      dnsNames: hosts.dnsNames,
      emailAddresses: hosts.emailAddresses,
      ipAddresses: hosts.ipAddresses,
      uris: hosts.uris,
    });
    if (!sameSet(sanKeys(cert.sans), want)) {
      reasons.push(`hosts: certificate has ${bracketList(describeSans(cert.sans))}, requested ${bracketList(expected.request.hosts)}`);
    }
    if (!sameSet(new Set(cert.extKeyUsage), new Set(expected.extKeyUsages))) {
      reasons.push(
        `usages: certificate has ${bracketList(cert.extKeyUsage.map(describeEku))}, profile asks for ${bracketList(expected.extKeyUsages.map(describeEku))}`,
      );
    }
  }

  if (expected.now > cert.notAfter) reasons.push(`it expired on ${describeTime(cert.notAfter)}`);
  else if (expected.now < cert.notBefore) reasons.push(`it is not valid before ${describeTime(cert.notBefore)}`);
  return reasons;
}

/** Whether a CSR file holds the request made with the key (same CertificationRequestInfo bytes). */
export function csrMatches(csr: ParsedCsr, expected: ParsedCsr): boolean {
  return bytesEqual(csr.info, expected.info);
}
