// The common job "issue a certificate from a profile" on top of generateKeyAndCsr + signCertificateRequest
// (cfssl gencert -ca ca.pem -ca-key ca-key.pem -config ca-config.json -profile <profile> csr.json).
import { builtinSigningPolicy } from '../config/builtin-signing-policy.js';
import { parseConfig } from '../config/parse-config.js';
import type { SigningPolicy } from '../config/signing-policy.js';
import type { CsrNameJson } from '../csr-request/csr-request-json.js';
import { parseCsrRequest } from '../csr-request/parse-csr-request.js';
import { generateKeyAndCsr } from '../csr/generate-csr.js';
import { jsonTextOf } from '../go/json/json-text-of.js';
import type { KeyPair } from '../keys/key-pair.js';
import { resolveIssuanceContext, type IssuanceOptions } from '../issue/issuance-context.js';
import { signCertificateRequest } from '../issue/sign-certificate-request.js';
import type { SignedCertificate } from '../issue/signed-certificate.js';
import type { CertificateAuthority } from '../issue/signing-authority.js';

/** What {@link issueCertificate} needs besides the CA. */
export interface IssueCertificateOptions extends IssuanceOptions {
  cn: string;
  /** SANs (IPs, DNS names, emails, URIs), classified as cfssl classifies CSR JSON hosts; default none. */
  hosts?: readonly string[];
  names?: CsrNameJson[];
  /** Default ECDSA P-256 (cfssl's default). */
  keySpec?: { algo: 'rsa' | 'ecdsa' | 'ed25519'; size: number };
  /** A profile of `config`; default the default profile. */
  profile?: string;
  /** `ca-config.json` as text, an object or a parsed policy; default cfssl's built-in policy. */
  config?: string | Record<string, unknown> | SigningPolicy;
  /** Refuse a profile `config` lacks (default true here; cfssl itself falls back to the default profile). */
  strictProfile?: boolean;
}

/** A new key, its CSR and the certificate, as `cfssl gencert | cfssljson -bare` writes them. */
export interface IssuedCertificate {
  certificate: SignedCertificate;
  csrPem: string;
  key: KeyPair;
  keyPem: string;
}

function policyOf(config: IssueCertificateOptions['config']): SigningPolicy {
  if (config === undefined) return builtinSigningPolicy();
  if (typeof config !== 'string' && config.profiles instanceof Map) return config as SigningPolicy;
  return parseConfig(jsonTextOf(config)).policy;
}

/**
 * Make a key and a CSR for `cn` and `hosts`, and sign it with `ca` under a profile, as
 * `cfssl gencert -ca -ca-key -config -profile` does.
 *
 * @example
 * const ca = await makeCa({ cn: 'etcd CA' });
 * const server = await issueCertificate(ca, {
 *   cn: 'etcd',
 *   hosts: ['127.0.0.1', 'etcd.local'],
 *   profile: 'www',
 *   config: { signing: { profiles: { www: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth'] } } } },
 * });
 */
export async function issueCertificate(ca: CertificateAuthority, options: IssueCertificateOptions): Promise<IssuedCertificate> {
  const { cn, hosts, names, keySpec, profile, config, strictProfile, ...issuance } = options;
  const policy = policyOf(config);
  const context = resolveIssuanceContext(issuance);
  const request = parseCsrRequest({ CN: cn, hosts: [...(hosts ?? [])], ...(names ? { names } : {}), ...(keySpec ? { key: keySpec } : {}) });
  const csr = await generateKeyAndCsr(request, { backend: context.backend });
  const certificate = await signCertificateRequest(
    { request: csr.pem, ...(profile !== undefined ? { profile } : {}), strictProfile: strictProfile ?? true },
    policy,
    ca,
    context,
  );
  return { certificate, csrPem: csr.pem, key: csr.key, keyPem: csr.keyPem };
}
