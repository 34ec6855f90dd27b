// Go x509.ParseCertificateRequest, as cfssl's signer uses it (RFC 2986).
import {
  DerError,
  decodeOid,
  expectChildren,
  readChildren,
  readSingle,
  type DerNode,
} from '../der/der-reader.js';
import { TAG } from '../der/der-writer.js';
import { EXTENSION_OID, type Extension } from '../cert/extension.js';
import { parseNameNode, type ParsedName } from '../name/parse-name.js';
import type { SubjectAltNames } from '../cert/subject-alt-names.js';
import { parseExtensionList, parseSubjectAltNames } from '../cert/parse-extensions.js';

/** A parsed PKCS#10 request with its raw parts. */
export interface ParsedCsr {
  raw: Uint8Array;
  /** DER of CertificationRequestInfo (what the signature covers). */
  info: Uint8Array;
  subject: ParsedName;
  subjectPublicKeyInfo: Uint8Array;
  signatureAlgorithmOid: string;
  signature: Uint8Array;
  /** Extensions of the extensionRequest attribute, in order. */
  extensions: Extension[];
  sans: SubjectAltNames;
}

/** Parse CSR DER; throws DerError (callers map it to cfssl 9003 or similar). */
export function parseCsr(der: Uint8Array): ParsedCsr {
  const root = readSingle(der);
  const [infoNode, sigAlgNode, sigNode] = expectChildren(root, TAG.SEQUENCE, 'CertificationRequest');
  if (!infoNode || !sigAlgNode || !sigNode) throw new DerError('asn1: structure error: CertificationRequest');
  const [version, subjectNode, spkiNode, attrs] = expectChildren(infoNode, TAG.SEQUENCE, 'CertificationRequestInfo');
  if (!version || version.tag !== TAG.INTEGER || !subjectNode || !spkiNode || spkiNode.tag !== TAG.SEQUENCE) {
    throw new DerError('asn1: structure error: CertificationRequestInfo');
  }
  const subject = parseNameNode(subjectNode);
  const [algOid] = expectChildren(sigAlgNode, TAG.SEQUENCE, 'AlgorithmIdentifier');
  if (!algOid || algOid.tag !== TAG.OID) throw new DerError('asn1: structure error: AlgorithmIdentifier');
  if (sigNode.tag !== TAG.BIT_STRING || sigNode.content.length < 1 || sigNode.content[0] !== 0) {
    throw new DerError('asn1: structure error: signature');
  }
  const extensions: Extension[] = [];
  // RFC 2986 §4.1: attributes [0] is not optional (Go's tbsCertificateRequest agrees).
  if (!attrs || attrs.tag !== 0xa0) throw new DerError('asn1: structure error: attributes');
  for (const attr of readChildren(attrs)) {
    const [type, values] = expectChildren(attr, TAG.SEQUENCE, 'Attribute');
    if (!type || type.tag !== TAG.OID || !values || values.tag !== TAG.SET) continue;
    if (decodeOid(type.content) !== EXTENSION_OID.extensionRequest) continue;
    const first: DerNode | undefined = readChildren(values)[0];
    if (first) extensions.push(...parseExtensionList(first));
  }
  const seen = new Set<string>();
  for (const e of extensions) {
    if (seen.has(e.oid)) throw new DerError('x509: certificate request contains duplicate requested extensions');
    seen.add(e.oid);
  }
  const sanExt = extensions.find((e) => e.oid === EXTENSION_OID.subjectAltName);
  const sans = sanExt
    ? parseSubjectAltNames(sanExt.value)
    : { dnsNames: [], emailAddresses: [], ipAddresses: [], uris: [] };
  return {
    raw: root.raw,
    info: infoNode.raw,
    subject,
    subjectPublicKeyInfo: spkiNode.raw,
    signatureAlgorithmOid: decodeOid(algOid.content),
    signature: sigNode.content.subarray(1),
    extensions,
    sans,
  };
}
