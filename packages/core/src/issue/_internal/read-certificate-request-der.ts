// cfssl signer.ParseCertificateRequest's checks of a CSR: Go's parse, a known key, a valid signature.
import { CfsslError } from '../../errors/cfssl-error.js';
import { parseCsr, type ParsedCsr } from '../../csr/parse-csr.js';
import { goCertificateRequestParseError } from '../../x509/go-certificate-request-parse-error.js';
import type { CryptoBackend } from '../../keys/crypto-backend.js';
import { parseSpki, type PublicKeyInfo } from '../../keys/public-key.js';
import type { VerifiedCsr } from '../verified-csr.js';

const SIGNATURE_FAILURE: Readonly<Record<string, string>> = {
  rsa: 'crypto/rsa: verification error',
  ecdsa: 'x509: ECDSA verification failure',
  ed25519: 'x509: Ed25519 verification failure',
};

/** Parse and verify a DER CSR with cfssl's error codes (9003, 9300). */
export async function readCertificateRequestDer(der: Uint8Array, backend: CryptoBackend): Promise<VerifiedCsr> {
  let csr: ParsedCsr;
  try {
    csr = parseCsr(der);
  } catch (cause) {
    // Report Go's own parse error text, as cfssl does (x509.ParseCertificateRequest wrapped as 9003).
    const message = goCertificateRequestParseError(der) ?? (cause instanceof Error ? cause.message : undefined);
    throw new CfsslError('ERR_CSR', 9003, message, { cause });
  }
  let spki: PublicKeyInfo;
  try {
    spki = parseSpki(csr.subjectPublicKeyInfo);
  } catch (cause) {
    throw new CfsslError('ERR_CSR', 9003, 'x509: unsupported public key algorithm', { cause });
  }
  const ok = await backend.verify(csr.subjectPublicKeyInfo, csr.signatureAlgorithmOid, csr.info, csr.signature);
  if (!ok) throw new CfsslError('ERR_CSR', 9300, SIGNATURE_FAILURE[spki.algorithm] ?? 'x509: signature verification failure');
  return { csr, spki };
}
