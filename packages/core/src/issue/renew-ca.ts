// cfssl initca.RenewFromSigner (gencert -renewca): re-issue a CA certificate from itself and its key (reference §5.12).
import { CfsslError } from '../errors/cfssl-error.js';
import type { ParsedCertificate } from '../cert/parse-certificate.js';
import { requestFromCertificate } from '../csr-request/request-from-certificate.js';
import type { KeyPair } from '../keys/key-pair.js';
import { parseSpki, type PublicKeyInfo } from '../keys/public-key.js';
import { initCa } from './init-ca.js';
import type { IssuanceContext, IssuanceOptions } from './issuance-context.js';
import type { SignedCertificate } from './signed-certificate.js';

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Re-issue the CA certificate `certificate` with its private key `key`, as `cfssl gencert -renewca`:
 * the request is rebuilt from the certificate (CN, C/O/OU/L/ST zipped into names, subject
 * serialNumber, IP/DNS/email/URI hosts, CA expiry = NotAfter − NotBefore, its path length), then
 * signed like `gencert -initca -ca-key`: a self-signed root (even when the input was an
 * intermediate) with key usage certSign|cRLSign, a fresh serial and validity from now. cfssl-ts keeps
 * the certificate's name constraints (DNS, IP, email, URI; any other form is refused, never dropped).
 *
 * Errors, in cfssl's order: not a CA → `input certificate is not a CA cert` (plain); a public key
 * algorithm cfssl does not know → 2200; a key that is not the certificate's → 2300.
 *
 * @example
 * const renewed = await renewCa(parseCaCertificatePem(caPem), await importPrivateKeyPem(caKeyPem));
 */
export async function renewCa(
  certificate: ParsedCertificate,
  key: KeyPair,
  options: IssuanceOptions | IssuanceContext = {},
): Promise<SignedCertificate> {
  if (!certificate.isCa) throw new CfsslError('ERR_CERTIFICATE', 0, 'input certificate is not a CA cert');
  let certKey: PublicKeyInfo;
  try {
    certKey = parseSpki(certificate.subjectPublicKeyInfo);
  } catch (cause) {
    throw new CfsslError('ERR_PRIVATE_KEY', 2200, undefined, { cause });
  }
  // cfssl compares the RSA modulus, the ECDSA X coordinate or the Ed25519 key; the canonical SPKI covers all three.
  if (certKey.algorithm !== key.algorithm || !bytesEqual(certKey.spki, key.spki)) throw new CfsslError('ERR_PRIVATE_KEY', 2300);
  const req = requestFromCertificate(certificate);
  // cfssl-ts: the renewed CA keeps its name constraints (RFC 5280 §4.2.1.10); dropping them would widen its authority.
  if (certificate.nameConstraints && req.ca) {
    if (certificate.nameConstraintsUnhandled) {
      throw new CfsslError(
        'ERR_NAME_CONSTRAINTS',
        0,
        'the CA certificate has name constraints other than DNS, IP, email and URI ones, which renewing would drop',
      );
    }
    req.ca = { ...req.ca, nameConstraints: { ...certificate.nameConstraints, critical: certificate.nameConstraintsCritical } };
  }
  const { certificate: renewed } = await initCa(req, { ...options, key });
  return renewed;
}
