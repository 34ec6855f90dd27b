// The Go types cfssl 1.6.5 decodes ca-config.json into (config.Config and friends), for the Go JSON decoder.
import { GO_ZERO_TIME_UNIX_NANOS, unmarshalGoJsonTime } from '../go/unmarshal-json-time.js';
import {
  goBoolType,
  goBytesType,
  goField,
  goIntType,
  goInterfaceType,
  goMapType,
  goPointerType,
  goSliceType,
  goStringType,
  goStructType,
  goUnmarshalerType,
  type GoValue,
} from '../go/json/go-type.js';
import { unmarshalCfsslOidJson, type CfsslOid } from './cfssl-oid.js';
import { unmarshalLintStatusJson } from './lint-status.js';
import { NAME_CONSTRAINTS_GO_TYPE } from '../cert/name-constraints-go-type.js';

const str = goStringType();
const bool = goBoolType();
const strings = goSliceType(str);
const duration = goIntType('time.Duration', { big: true });

// time.Time.UnmarshalJSON; the zero time (or an instant equal to it) is kept as null, like Go's IsZero().
const goTime = goUnmarshalerType<bigint | null>(
  'time.Time',
  () => null,
  (raw, current) => {
    const t = unmarshalGoJsonTime(raw);
    if (t === undefined) return current;
    return t === GO_ZERO_TIME_UNIX_NANOS ? null : t;
  },
);

// config.OID is an asn1.ObjectIdentifier: its zero value is a nil slice, which prints as "".
const oid = goUnmarshalerType<CfsslOid>(
  'config.OID',
  () => ({ id: '', arcs: [] }),
  (raw) => unmarshalCfsslOidJson(raw),
);

const caConstraint = goStructType('config.CAConstraint', [
  goField('IsCA', bool, 'is_ca'),
  goField('MaxPathLen', goIntType(), 'max_path_len'),
  goField('MaxPathLenZero', bool, 'max_path_len_zero'),
]);

const authRemote = goStructType('config.AuthRemote', [goField('RemoteName', str, 'remote'), goField('AuthKeyName', str, 'auth_key')]);

const policyQualifier = goStructType('config.CertificatePolicyQualifier', [goField('Type', str), goField('Value', str)]);

const certificatePolicy = goStructType('config.CertificatePolicy', [
  goField('ID', oid),
  goField('Qualifiers', goSliceType(policyQualifier)),
]);

const csrWhitelist = goStructType(
  'config.CSRWhitelist',
  (['Subject', 'PublicKeyAlgorithm', 'PublicKey', 'SignatureAlgorithm', 'DNSNames', 'IPAddresses', 'EmailAddresses', 'URIs'] as const).map(
    (name) => goField(name, bool),
  ),
);

// Go 1.19 crypto/tls.Certificate, with x509.Certificate left opaque.
const tlsCertificate = goStructType('tls.Certificate', [
  goField('Certificate', goSliceType(goBytesType())),
  goField('PrivateKey', goInterfaceType('crypto.PrivateKey', true)),
  goField('SupportedSignatureAlgorithms', goSliceType(goIntType('tls.SignatureScheme', { bits: 16, unsigned: true }))),
  goField('OCSPStaple', goBytesType()),
  goField('SignedCertificateTimestamps', goSliceType(goBytesType())),
  goField('Leaf', goPointerType(goStructType('x509.Certificate', [], { opaque: true }))),
]);

const internal = { internal: true };

const signingProfile = goStructType('config.SigningProfile', [
  goField('Usage', strings, 'usages'),
  goField('IssuerURL', strings, 'issuer_urls'),
  goField('OCSP', str, 'ocsp_url'),
  goField('CRL', str, 'crl_url'),
  goField('CAConstraint', caConstraint, 'ca_constraint'),
  goField('OCSPNoCheck', bool, 'ocsp_no_check'),
  goField('ExpiryString', str, 'expiry'),
  goField('BackdateString', str, 'backdate'),
  goField('AuthKeyName', str, 'auth_key'),
  goField('CopyExtensions', bool, 'copy_extensions'),
  goField('PrevAuthKeyName', str, 'prev_auth_key'),
  goField('RemoteName', str, 'remote'),
  goField('NotBefore', goTime, 'not_before'),
  goField('NotAfter', goTime, 'not_after'),
  goField('NameWhitelistString', str, 'name_whitelist'),
  goField('AuthRemote', authRemote, 'auth_remote'),
  goField('CTLogServers', strings, 'ct_log_servers'),
  goField('AllowedExtensions', goSliceType(oid), 'allowed_extensions'),
  goField('CertStore', str, 'cert_store'),
  goField(
    'LintErrLevel',
    goUnmarshalerType(
      'lint.LintStatus',
      () => 0,
      (raw) => unmarshalLintStatusJson(raw),
    ),
    'lint_error_level',
  ),
  goField('ExcludeLints', strings, 'ignored_lints'),
  goField('ExcludeLintSources', strings, 'ignored_lint_sources'),
  goField('Policies', goSliceType(certificatePolicy)),
  // cfssl-ts: Go x509 Permitted*/Excluded* for CA certificates of an is_ca profile (cfssl issue #713).
  goField('NameConstraints', goPointerType(NAME_CONSTRAINTS_GO_TYPE), 'name_constraints'),
  // Untagged internals: their JSON keys are the Go names; cfssl overwrites or ignores most of them.
  goField('Expiry', duration, undefined, internal),
  goField('Backdate', duration, undefined, internal),
  goField('Provider', goInterfaceType('auth.Provider', false), undefined, internal),
  goField('PrevProvider', goInterfaceType('auth.Provider', false), undefined, internal),
  goField('RemoteProvider', goInterfaceType('auth.Provider', false), undefined, internal),
  goField('RemoteServer', str, undefined, internal),
  goField('RemoteCAs', goPointerType(goStructType('x509.CertPool', [], { opaque: true })), undefined, internal),
  goField('ClientCert', goPointerType(tlsCertificate), undefined, internal),
  goField('CSRWhitelist', goPointerType(csrWhitelist)),
  goField('NameWhitelist', goPointerType(goStructType('regexp.Regexp', [], { opaque: true })), undefined, internal),
  goField('ExtensionWhitelist', goMapType(bool), undefined, internal),
  goField('ClientProvidesSerialNumbers', bool),
  goField('LintRegistry', goInterfaceType('lint.Registry', false), undefined, internal),
]);

const signing = goStructType('config.Signing', [
  goField('Profiles', goMapType(goPointerType(signingProfile)), 'profiles'),
  goField('Default', goPointerType(signingProfile), 'default'),
]);

// cfssl/ocsp/config.Config (its package is also named "config").
const ocspConfig = goStructType('config.Config', [
  goField('CACertFile', str),
  goField('ResponderCertFile', str),
  goField('KeyFile', str),
  goField('Interval', duration),
]);

const authKey = goStructType('config.AuthKey', [goField('Type', str, 'type'), goField('Key', str, 'key')]);

/** cfssl `config.Config`. */
export const CONFIG_STRUCT_GO_TYPE = goStructType('config.Config', [
  goField('Signing', goPointerType(signing), 'signing'),
  goField('OCSP', goPointerType(ocspConfig), 'ocsp'),
  goField('AuthKeys', goMapType(authKey), 'auth_keys'),
  goField('Remotes', goMapType(str), 'remotes'),
]);

/** The type LoadConfig decodes into: `*config.Config` (a top-level `null` gives null). */
export const CONFIG_GO_TYPE = goPointerType(CONFIG_STRUCT_GO_TYPE);

/** Decoded config.Config. */
export type DecodedConfig = GoValue<typeof CONFIG_STRUCT_GO_TYPE>;

/** Decoded config.SigningProfile (time.Time as Unix nanoseconds, null = zero time). */
export type DecodedSigningProfile = GoValue<typeof signingProfile>;
