// cfssl csr.GenerateDER + Go x509.CreateCertificateRequest (RFC 2986; reference §5.2).
import { derBitString, derContextConstructed, derInteger, derOid, derSequence, derSetOf } from '../der/der-writer.js';
import { EXTENSION_OID, encodeExtension, type Extension } from '../cert/extension.js';
import { encodeSubjectAltNames, hasSans, type SubjectAltNames } from '../cert/subject-alt-names.js';
import { encodeBasicConstraints } from '../cert/encode-tbs-certificate.js';
import { encodeName } from '../name/encode-name.js';
import type { DistinguishedName } from '../name/distinguished-name.js';
import type { CaSpec, RawExtensionSpec } from '../csr-request/certificate-request-spec.js';
import type { Signer } from '../keys/signer.js';

/** What goes into a CSR besides the key. */
export interface CsrContent {
  subject: DistinguishedName;
  sans: SubjectAltNames;
  /** CSR JSON `ca` object: adds a critical basicConstraints CA:TRUE request. */
  ca: CaSpec | null;
  delegationEnabled: boolean;
  extensions: RawExtensionSpec[];
}

/** cfssl's extension list for a CSR: basicConstraints (ca), DelegationUsage, custom extensions. */
function extraExtensions(content: CsrContent): Extension[] {
  let extra: Extension[] = [];
  if (content.ca) {
    // cfssl appendCAInfoToCSR: pathlen 0 without pathlenzero means "no pathlen".
    extra.push({
      oid: EXTENSION_OID.basicConstraints,
      critical: true,
      value: encodeBasicConstraints(true, content.ca.pathlen, content.ca.pathlenzero),
    });
  }
  if (content.delegationEnabled) {
    // cfssl 1.6 replaces the list with [Delegation] (it appends to tpl.Extensions, which is empty).
    extra = [{ oid: EXTENSION_OID.delegationUsage, critical: false, value: Uint8Array.of(0x05, 0x00) }];
  }
  for (const e of content.extensions) extra.push({ oid: e.id.join('.'), critical: e.critical, value: e.value });
  return extra;
}

/** DER CertificationRequestInfo for `spki` (Go: SAN first unless an extra extension is a SAN). */
export function encodeCertificationRequestInfo(content: CsrContent, spki: Uint8Array): Uint8Array {
  const extra = extraExtensions(content);
  const extensions: Extension[] = [];
  if (hasSans(content.sans) && !extra.some((e) => e.oid === EXTENSION_OID.subjectAltName)) {
    extensions.push({ oid: EXTENSION_OID.subjectAltName, critical: false, value: encodeSubjectAltNames(content.sans) });
  }
  extensions.push(...extra);
  const attributes =
    extensions.length === 0
      ? []
      : [derSequence([derOid(EXTENSION_OID.extensionRequest), derSetOf([derSequence(extensions.map(encodeExtension))])])];
  return derSequence([derInteger(0), encodeName(content.subject), spki, derContextConstructed(0, attributes)]);
}

/** Build and sign a PKCS#10 CSR; returns its DER. */
export async function buildCsr(content: CsrContent, spki: Uint8Array, signer: Signer): Promise<Uint8Array> {
  const info = encodeCertificationRequestInfo(content, spki);
  const signature = await signer.sign(info);
  return derSequence([info, signer.algorithmIdentifier, derBitString(signature)]);
}
