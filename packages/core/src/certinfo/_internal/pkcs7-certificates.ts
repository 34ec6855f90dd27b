// cfssl crypto/pkcs7.ParsePKCS7 (encoding/asn1 structs) as far as certificate parsing needs it: the
// certificates of a degenerate SignedData. Anything else is an error, which certinfo reports as 1003.
import { readChildren, readTlv, type DerNode } from '../../der/der-reader.js';
import { objectIdentifierArcs } from '../../der/der-primitives.js';
import { GoParseError } from '../../x509/go-parse-error.js';
import { parseGoCertificate, type GoCertificate } from '../../x509/parse-go-certificate.js';

const SIGNED_DATA = '1.2.840.113549.1.7.2';

function children(node: DerNode): DerNode[] {
  try {
    return readChildren(node);
  } catch (e) {
    throw new GoParseError((e as Error).message);
  }
}

/**
 * The certificates of a PKCS #7 SignedData, as cfssl's ParsePKCS7 + x509.ParseCertificates find
 * them: SignedData must hold six elements (cfssl's struct has no optional tags, so a missing CRL
 * field shifts SignerInfos out of range), the fourth holds the certificates.
 */
export function pkcs7Certificates(der: Uint8Array): GoCertificate[] {
  let contentInfo: DerNode;
  try {
    contentInfo = readTlv(der).node;
  } catch (e) {
    throw new GoParseError((e as Error).message);
  }
  if (contentInfo.tag !== 0x30) throw new GoParseError('asn1: structure error: ContentInfo');
  const [type, content] = children(contentInfo);
  const oid = type?.tag === 0x06 ? objectIdentifierArcs(type.content)?.join('.') : undefined;
  if (oid !== SIGNED_DATA) throw new GoParseError('only PKCS #7 Signed Data Content Info supported for certificate parsing');
  if (content?.tag !== 0xa0) throw new GoParseError('asn1: syntax error: sequence truncated');
  const [signedData] = children(content);
  if (signedData?.tag !== 0x30) throw new GoParseError('asn1: structure error: SignedData');
  const fields = children(signedData);
  if (fields.length < 6 || fields[0]!.tag !== 0x02) throw new GoParseError('asn1: syntax error: sequence truncated');
  const certificates = fields[3]!.content;
  const crls = fields[4]!.content;
  if (crls.length > 0) {
    // x509.ParseDERCRL: exactly one CertificateList.
    const crl = children(readTlv(crls).node);
    if (readTlv(crls).next !== crls.length || crl.length !== 3) throw new GoParseError('x509: invalid CRL');
  }
  const certs: GoCertificate[] = [];
  for (let rest = certificates; rest.length > 0; ) {
    const cert = parseGoCertificateAllowingTrailing(rest);
    certs.push(cert);
    rest = rest.subarray(cert.raw.length);
  }
  if (certs.length === 0) throw new GoParseError('PKCS #7 structure contains no certificates');
  return certs;
}

// x509.ParseCertificates parses certificates back to back (parseCertificate, no trailing-data check).
function parseGoCertificateAllowingTrailing(der: Uint8Array): GoCertificate {
  const { next } = readTlv(der);
  return parseGoCertificate(der.subarray(0, next));
}
