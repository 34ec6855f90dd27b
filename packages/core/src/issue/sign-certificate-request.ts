// cfssl local.Signer.Sign: CSR + profile + CA -> certificate (reference §5.4-5.11).
import { CfsslError } from '../errors/cfssl-error.js';
import { decodeFirstPem } from '../pem/pem.js';
import { parseCsr, type ParsedCsr } from '../csr/parse-csr.js';
import { goCertificateRequestParseError } from '../certinfo/csr-info.js';
import { parseBasicConstraints } from '../cert/parse-extensions.js';
import { EXTENSION_OID, type Extension } from '../cert/extension.js';
import { emptyName } from '../name/distinguished-name.js';
import { selectProfile } from '../config/select-profile.js';
import type { SigningPolicy } from '../config/signing-policy.js';
import { webCryptoBackend, type CryptoBackend } from '../keys/crypto-backend.js';
import { parseSpki, type PublicKeyInfo } from '../keys/public-key.js';
import { completeIssuance, refuseCertificateTransparency } from './_internal/complete-issuance.js';
import { backendOf, type SignedCertificate, type SigningEnvironment } from './signing-environment.js';
import type { SigningAuthority } from './signing-authority.js';
import type { SignRequest } from './sign-request.js';

const SIGNATURE_FAILURE: Readonly<Record<string, string>> = {
  rsa: 'crypto/rsa: verification error',
  ecdsa: 'x509: ECDSA verification failure',
  ed25519: 'x509: Ed25519 verification failure',
};

/** Decode, parse and verify a PEM CSR with cfssl's error codes (9002, 9300, 9003). */
export async function readCertificateRequestPem(
  pem: string,
  backend: CryptoBackend = webCryptoBackend(),
): Promise<{ csr: ParsedCsr; spki: PublicKeyInfo }> {
  const block = decodeFirstPem(pem);
  if (!block) throw new CfsslError('ERR_CSR', 9002);
  if (block.label !== 'NEW CERTIFICATE REQUEST' && block.label !== 'CERTIFICATE REQUEST') {
    throw new CfsslError('ERR_CSR', 9300, 'not a csr');
  }
  let csr: ParsedCsr;
  try {
    csr = parseCsr(block.der);
  } catch (cause) {
    // Report Go's own parse error text, as cfssl does (x509.ParseCertificateRequest wrapped as 9003).
    const message = goCertificateRequestParseError(block.der) ?? (cause instanceof Error ? cause.message : undefined);
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

/**
 * Sign a CSR under a profile of `policy` with `authority` (cfssl local signer).
 *
 * @example
 * const cert = await signCertificateRequest({ request: csrPem, hosts: null, profile: 'www' }, policy, ca);
 */
export async function signCertificateRequest(
  req: SignRequest,
  policy: SigningPolicy,
  authority: SigningAuthority,
  env: SigningEnvironment = {},
): Promise<SignedCertificate> {
  const profile = selectProfile(policy, req.profile);
  refuseCertificateTransparency(profile);
  const { csr, spki } = await readCertificateRequestPem(req.request, backendOf(env));

  // signer.ParseCertificateRequest: CSR basicConstraints, DelegationUsage, copy_extensions.
  const constraints = { valid: false, isCa: false, maxPathLen: 0, maxPathLenZero: false };
  const carried: Extension[] = [];
  for (const ext of csr.extensions) {
    if (ext.oid === EXTENSION_OID.basicConstraints) {
      let bc: { isCa: boolean; maxPathLen: number };
      try {
        bc = parseBasicConstraints(ext.value);
      } catch (cause) {
        throw new CfsslError('ERR_CSR', 9003, cause instanceof Error ? cause.message : undefined, { cause });
      }
      Object.assign(constraints, { valid: true, isCa: bc.isCa, maxPathLen: bc.maxPathLen, maxPathLenZero: bc.maxPathLen === 0 });
    } else if (ext.oid === EXTENSION_OID.delegationUsage || profile.copyExtensions) {
      carried.push(ext);
    }
  }

  // CSRWhitelist: only whitelisted CSR fields survive (constraints and carried extensions do not).
  const wl = profile.csrWhitelist;
  // Without PublicKey whitelisted Go cannot compute the SKI (a plain Go error in cfssl).
  if (wl && !wl.publicKey) throw new CfsslError('ERR_POLICY', 0, 'x509: unsupported public key type: <nil>');
  const fromCsr = csr.sans;
  return completeIssuance(
    {
      subject: !wl || wl.subject ? csr.subject.name : emptyName(),
      sans: {
        dnsNames: !wl || wl.dnsNames ? [...fromCsr.dnsNames] : [],
        emailAddresses: !wl || wl.emailAddresses ? [...fromCsr.emailAddresses] : [],
        ipAddresses: !wl || wl.ipAddresses ? [...fromCsr.ipAddresses] : [],
        uris: !wl || wl.uris ? [...fromCsr.uris] : [],
      },
      publicKey: spki,
      constraints: wl ? { valid: false, isCa: false, maxPathLen: 0, maxPathLenZero: false } : constraints,
      carried: wl ? [] : carried,
    },
    req,
    profile,
    policy,
    authority,
    env,
  );
}
