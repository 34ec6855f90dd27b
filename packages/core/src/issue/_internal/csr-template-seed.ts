// cfssl signer.ParseCertificateRequest + the CSR whitelist: what a verified CSR contributes to the template.
import { CfsslError } from '../../errors/cfssl-error.js';
import { parseBasicConstraints } from '../../cert/parse-extensions.js';
import { EXTENSION_OID, type Extension } from '../../cert/extension.js';
import { emptyName } from '../../name/distinguished-name.js';
import type { SigningProfile } from '../../config/signing-policy.js';
import type { TemplateSeed } from './complete-issuance.js';
import type { VerifiedCsr } from '../verified-csr.js';

/** The subject, SANs, key, basicConstraints and carried extensions `profile` lets through from `csr`. */
export function csrTemplateSeed({ csr, spki }: VerifiedCsr, profile: SigningProfile): TemplateSeed {
  // signer.ParseCertificateRequest: CSR basicConstraints, DelegationUsage, copy_extensions.
  const constraints = { isCa: false, maxPathLen: 0, maxPathLenZero: false };
  const carried: Extension[] = [];
  for (const ext of csr.extensions) {
    if (ext.oid === EXTENSION_OID.basicConstraints) {
      let bc: { isCa: boolean; maxPathLen: number };
      try {
        bc = parseBasicConstraints(ext.value);
      } catch (cause) {
        throw new CfsslError('ERR_CSR', 9003, cause instanceof Error ? cause.message : undefined, { cause });
      }
      Object.assign(constraints, { isCa: bc.isCa, maxPathLen: bc.maxPathLen, maxPathLenZero: bc.maxPathLen === 0 });
    } else if (ext.oid === EXTENSION_OID.delegationUsage || profile.copyExtensions) {
      carried.push(ext);
    }
  }

  // CSRWhitelist: only whitelisted CSR fields survive (constraints and carried extensions do not).
  const wl = profile.csrWhitelist;
  // Without PublicKey whitelisted Go cannot compute the SKI (a plain Go error in cfssl).
  if (wl && !wl.publicKey) throw new CfsslError('ERR_POLICY', 0, 'x509: unsupported public key type: <nil>');
  const fromCsr = csr.sans;
  return {
    subject: !wl || wl.subject ? csr.subject.name : emptyName(),
    sans: {
      dnsNames: !wl || wl.dnsNames ? [...fromCsr.dnsNames] : [],
      emailAddresses: !wl || wl.emailAddresses ? [...fromCsr.emailAddresses] : [],
      ipAddresses: !wl || wl.ipAddresses ? [...fromCsr.ipAddresses] : [],
      uris: !wl || wl.uris ? [...fromCsr.uris] : [],
    },
    publicKey: spki,
    constraints: wl ? { isCa: false, maxPathLen: 0, maxPathLenZero: false } : constraints,
    carried: wl ? [] : carried,
  };
}
