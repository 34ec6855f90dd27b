// certificatePolicies value as cfssl signer.addPolicies marshals it (RFC 5280 §4.2.1.4).
import { derIa5String, derOid, derSequence, derUtf8String, INVALID_OID_MESSAGE, isMarshalableOid } from '../der/der-writer.js';
import { CfsslError } from '../errors/cfssl-error.js';
import type { CertificatePolicy } from '../config/signing-policy.js';

const ID_QT_CPS = '1.3.6.1.5.5.7.2.1';
const ID_QT_UNOTICE = '1.3.6.1.5.5.7.2.2';

/**
 * PolicyInformation per configured policy; qualifiers: id-qt-cps → IA5String,
 * id-qt-unotice → SEQUENCE { UTF8String explicitText } (no noticeRef); empty qualifier lists omitted.
 */
export function encodeCertificatePolicies(policies: readonly CertificatePolicy[]): Uint8Array {
  return derSequence(
    policies.map((policy) => {
      const qualifiers = policy.qualifiers.map((q) => {
        switch (q.type) {
          case 'id-qt-cps':
            for (let i = 0; i < q.value.length; i++) {
              if (q.value.charCodeAt(i) > 0x7f) {
                throw new CfsslError('ERR_POLICY', 5200, 'asn1: IA5String contains invalid character');
              }
            }
            return derSequence([derOid(ID_QT_CPS), derIa5String(q.value)]);
          case 'id-qt-unotice':
            return derSequence([derOid(ID_QT_UNOTICE), derSequence([derUtf8String(q.value)])]);
          default:
            // cfssl: errors.New("Invalid qualifier type in Policies " + type), wrapped as 5200.
            throw new CfsslError('ERR_POLICY', 5200, `Invalid qualifier type in Policies ${q.type}`);
        }
      });
      // cfssl: x509.CreateCertificate's asn1.Marshal of the policy OID fails, wrapped as 5200.
      if (!isMarshalableOid(policy.id)) throw new CfsslError('ERR_POLICY', 5200, INVALID_OID_MESSAGE);
      const parts = [derOid(policy.id)];
      if (qualifiers.length > 0) parts.push(derSequence(qualifiers));
      return derSequence(parts);
    }),
  );
}
