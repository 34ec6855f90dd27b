// cfssl initca.New / initca.NewFromSigner: a self-signed root from a CSR JSON (reference §5.12).
import { CfsslError } from '../errors/cfssl-error.js';
import { parseGoDuration } from '../go/parse-duration.js';
import { goTrimSpace } from '../go/trim-space.js';
import type { CertificateRequestSpec } from '../csr-request/certificate-request-spec.js';
import type { KeyPair } from '../keys/key-pair.js';
import { exportPrivateKeyPem } from '../keys/export-private-key.js';
import { createCsrForKey, createCsrWrapped } from '../csr/generate-csr.js';
import { caProfile, policyOf } from './ca-profile.js';
import { completeIssuance } from './_internal/complete-issuance.js';
import { csrTemplateSeed } from './_internal/csr-template-seed.js';
import { readCertificateRequestDer } from './_internal/read-certificate-request-der.js';
import { resolveIssuanceContext, type IssuanceOptions } from './issuance-context.js';
import type { SignedCertificate } from './signed-certificate.js';

/** The products of initca. `keyPem` is null when an existing key was supplied. */
export interface InitCaResult {
  certificate: SignedCertificate;
  csrPem: string;
  key: KeyPair;
  keyPem: string | null;
}

/** Options of initCa: the issuance options plus an existing key (`gencert -initca -ca-key`). */
export interface InitCaOptions extends IssuanceOptions {
  key?: KeyPair;
}

// cfssl csr.IsNameEmpty with Go strings.TrimSpace (Unicode white space, not JavaScript's trim()).
function isNameEmpty(n: CertificateRequestSpec['names'][number]): boolean {
  return [n.C, n.ST, n.L, n.O, n.OU].every((v) => goTrimSpace(v) === '');
}

/** cfssl initca validator: CN, or names where every entry has C/ST/L/O/OU. */
export function validateCaRequest(req: CertificateRequestSpec): void {
  if (req.CN !== '') return;
  if (req.names.length === 0 || req.names.some(isNameEmpty)) {
    throw new CfsslError('ERR_SUBJECT', 5300, 'missing subject information');
  }
}

function duration(text: string): bigint {
  try {
    return parseGoDuration(text);
  } catch (e) {
    // initca returns the Go error unwrapped: cfssl prints it as plain text.
    throw new CfsslError('ERR_CSR_REQUEST', 0, e instanceof Error ? e.message : String(e), { cause: e });
  }
}

/**
 * Make a new self-signed CA certificate (and a new key, from the backend, unless `options.key` is given).
 *
 * @example
 * const { certificate, csrPem, keyPem } = await initCa(parseCsrRequest(json));
 */
export async function initCa(req: CertificateRequestSpec, options: InitCaOptions = {}): Promise<InitCaResult> {
  const context = resolveIssuanceContext(options);
  const { backend } = context;
  const fromExistingKey = options.key !== undefined;
  const profile = caProfile();
  if (req.ca) {
    if (req.ca.expiry !== '') {
      profile.expiryString = req.ca.expiry;
      profile.expiry = duration(req.ca.expiry);
    }
    // ca.backdate and crl_url are honoured by initca.New only, not NewFromSigner (-ca-key).
    if (!fromExistingKey && req.ca.backdate !== '') profile.backdate = duration(req.ca.backdate);
    profile.caConstraint.maxPathLen = req.ca.pathlen;
    if (!(req.ca.pathlen !== 0 && req.ca.pathlenzero)) profile.caConstraint.maxPathLenZero = req.ca.pathlenzero;
    profile.nameConstraints = req.ca.nameConstraints ?? null;
  }
  if (!fromExistingKey && req.crlUrl !== '') profile.crlUrl = req.crlUrl;
  if (!fromExistingKey) validateCaRequest(req);
  const key = options.key ?? (await backend.generateKeyPair(req.key));
  // initca.New goes through csr.ParseRequest (errors wrapped as 9300); NewFromSigner calls csr.Generate.
  const csr = fromExistingKey ? await createCsrForKey(req, key, { backend }) : await createCsrWrapped(req, key, backend);
  // Then signer.Sign on that CSR under the CA profile (its DER, not a PEM round trip).
  const certificate = await completeIssuance({
    seed: csrTemplateSeed(await readCertificateRequestDer(csr.der, backend), profile),
    request: { hosts: fromExistingKey ? null : req.hosts, profile: '' },
    profile,
    policy: policyOf(profile),
    authority: { certificate: null, key },
    context,
  });
  return { certificate, csrPem: csr.pem, key, keyPem: fromExistingKey ? null : exportPrivateKeyPem(key) };
}
