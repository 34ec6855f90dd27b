// cfssl csr.ParseRequest / csr.Generate: a key and a CSR from a CSR JSON request (reference §5.1-5.2).
import { CfsslError } from '../errors/cfssl-error.js';
import { encodePem } from '../pem/pem.js';
import { nameFromRequest } from '../name/name-from-request.js';
import { classifyHosts } from '../csr-request/classify-host.js';
import type { CertificateRequestSpec } from '../csr-request/certificate-request-spec.js';
import type { KeyPair } from '../keys/key-pair.js';
import { webCryptoBackend, type CryptoBackend } from '../keys/crypto-backend.js';
import { exportPrivateKeyPem } from '../keys/export-private-key.js';
import { buildCsr } from './build-csr.js';

/** A CSR in both encodings. */
export interface GeneratedCsr {
  der: Uint8Array;
  pem: string;
}

/** A new key with its CSR, as `cfssl genkey` prints them. */
export interface GeneratedKeyAndCsr extends GeneratedCsr {
  key: KeyPair;
  /** The key in cfssl's PEM form (PKCS#1 / SEC1 / cfssl Ed25519). */
  keyPem: string;
}

/** The crypto of CSR generation (an issuance context or its options fit here). */
export interface CsrOptions {
  /** Default `webCryptoBackend(globalThis.crypto)`. */
  backend?: CryptoBackend;
}

/**
 * Build the CSR a request asks for, signed by an existing key (cfssl csr.Generate; `gencsr`).
 *
 * @example
 * const { pem } = await createCsrForKey(parseCsrRequest(json), await importPrivateKeyPem(keyPem));
 */
export async function createCsrForKey(req: CertificateRequestSpec, key: KeyPair, options: CsrOptions = {}): Promise<GeneratedCsr> {
  const backend = options.backend ?? webCryptoBackend();
  const subject = nameFromRequest(req);
  const hosts = classifyHosts(req.hosts);
  let der: Uint8Array;
  try {
    der = await buildCsr(
      {
        subject,
        sans: { dnsNames: hosts.dnsNames, emailAddresses: hosts.emailAddresses, ipAddresses: hosts.ipAddresses, uris: hosts.uris },
        ca: req.ca,
        delegationEnabled: req.delegationEnabled,
        extensions: req.extensions,
      },
      key.spki,
      backend.signer(key),
    );
  } catch (e) {
    // Go x509.CreateCertificateRequest failures are wrapped as CSRError/BadRequest.
    if (e instanceof CfsslError && e.cfsslCode === 1000) throw new CfsslError('ERR_CSR', 9300, e.message, { cause: e });
    throw e;
  }
  return { der, pem: encodePem('CERTIFICATE REQUEST', der) };
}

/** cfssl csr.ParseRequest: any CSR failure after key generation is reported as CSRError/BadRequest (9300). */
export async function createCsrWrapped(req: CertificateRequestSpec, key: KeyPair, backend: CryptoBackend): Promise<GeneratedCsr> {
  try {
    return await createCsrForKey(req, key, { backend });
  } catch (e) {
    if (e instanceof CfsslError && e.plain) throw new CfsslError('ERR_CSR', 9300, e.message, { cause: e });
    throw e;
  }
}

/**
 * Generate the requested key with the backend (2400 on a bad key spec), then its CSR (`genkey`).
 *
 * @example
 * const { pem, keyPem } = await generateKeyAndCsr(parseCsrRequest(json), { backend });
 */
export async function generateKeyAndCsr(req: CertificateRequestSpec, options: CsrOptions = {}): Promise<GeneratedKeyAndCsr> {
  const backend = options.backend ?? webCryptoBackend();
  const key = await backend.generateKeyPair(req.key);
  const csr = await createCsrWrapped(req, key, backend);
  return { ...csr, key, keyPem: exportPrivateKeyPem(key) };
}
