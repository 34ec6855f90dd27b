// cfssl signer.ParseCertificateRequest from PEM: the first block must be a CSR.
import { CfsslError } from '../errors/cfssl-error.js';
import { decodeFirstPem } from '../pem/pem.js';
import { readCertificateRequestDer } from './_internal/read-certificate-request-der.js';
import { resolveIssuanceContext, type IssuanceContext, type IssuanceOptions } from './issuance-context.js';
import type { VerifiedCsr } from './verified-csr.js';

/**
 * Decode, parse and verify a PEM CSR with cfssl's error codes (9002 no PEM, 9300 not a CSR or a bad
 * signature, 9003 unparseable), using the context's backend to verify.
 *
 * @example
 * const { csr, spki } = await readCertificateRequestPem(csrPem);
 */
export async function readCertificateRequestPem(pem: string, options: IssuanceOptions | IssuanceContext = {}): Promise<VerifiedCsr> {
  const block = decodeFirstPem(pem);
  if (!block) throw new CfsslError('ERR_CSR', 9002);
  if (block.label !== 'NEW CERTIFICATE REQUEST' && block.label !== 'CERTIFICATE REQUEST') {
    throw new CfsslError('ERR_CSR', 9300, 'not a csr');
  }
  return readCertificateRequestDer(block.der, resolveIssuanceContext(options).backend);
}
