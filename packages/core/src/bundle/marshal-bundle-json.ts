// cfssl bundler.Bundle.MarshalJSON (1.6.5): the object `cfssl bundle` prints (sorted keys, no newline).
import { encodePem } from '../pem/pem.js';
import type { ParsedCertificate } from '../cert/parse-certificate.js';
import type { NameAttribute } from '../name/parse-name.js';
import { signatureAlgorithmByOid } from '../keys/signature-algorithm.js';
import { goStruct } from '../go/json/go-struct.js';
import { marshalGoJson } from '../go/json/marshal-go-json.js';
import type { CertificateBundle } from './build-bundle.js';

// bundler typeToName, keyed by the 4th arc of the attribute OID (2.5.4.x).
const TYPE_TO_NAME: Readonly<Record<string, string>> = {
  '3': 'CommonName',
  '5': 'SerialNumber',
  '6': 'Country',
  '7': 'Locality',
  '8': 'Province',
  '9': 'StreetAddress',
  '10': 'Organization',
  '11': 'OrganizationalUnit',
  '17': 'PostalCode',
};

// bundler names.MarshalJSON: "/Name=value" for every attribute in DER order; cfssl looks the name up
// by the OID's 4th arc only, so other OIDs print an empty name (and cfssl panics below 4 arcs).
function names(attributes: readonly NameAttribute[]): string {
  return attributes.map((a) => `/${TYPE_TO_NAME[a.oid.split('.')[3] ?? ''] ?? ''}=${a.value ?? ''}`).join('');
}

const pem = (c: ParsedCertificate): string => encodePem('CERTIFICATE', c.raw).trim();

// Go time.Time MarshalJSON (RFC 3339 with nanoseconds trimmed), UTC.
function goTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.000Z$/, 'Z')
    .replace(/(\.\d*?)0+Z$/, '$1Z');
}

/** helpers.SignatureString for a certificate. */
function signatureString(oid: string): string {
  return signatureAlgorithmByOid(oid)?.name ?? 'Unknown Signature';
}

/**
 * The JSON `cfssl bundle` prints for a bundle (keys sorted like a Go map; `status` fields in struct
 * order; PEM strings without a trailing newline; no newline at the end).
 *
 * @example
 * io.writeStdout(marshalBundleJson(await buildBundle(request)));
 */
export function marshalBundleJson(bundle: CertificateBundle): string {
  const s = bundle.status;
  return marshalGoJson({
    bundle: bundle.chain.map(pem).join('\n'),
    crl_support: bundle.crlSupport,
    crt: pem(bundle.leaf),
    expires: goTime(bundle.expires),
    hostnames: bundle.hostnames,
    issuer: names(bundle.leaf.issuer.attributes),
    key: bundle.keyPem === null ? '' : bundle.keyPem.trim(),
    key_size: bundle.keySize,
    key_type: bundle.keyType,
    leaf_expires: goTime(bundle.leafExpires),
    ocsp: bundle.ocspServers,
    ocsp_support: bundle.ocspServers !== null,
    root: bundle.root === null ? '' : pem(bundle.root),
    signature: signatureString(bundle.leaf.signatureAlgorithmOid),
    status: goStruct({
      rebundled: s.rebundled,
      expiring_SKIs: s.expiringSkis,
      untrusted_root_stores: s.untrustedRootStores,
      messages: s.messages,
      code: s.code,
    }),
    subject: names(bundle.leaf.subject.attributes),
  });
}
