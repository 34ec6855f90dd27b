// cfssl signer.SignRequest as multirootca decodes it: every field, unlike serve's jsonSignRequest (reference §6.3, §6.6).
import type { SignRequest } from '@cfssl-ts/core';
import {
  goBoolType,
  goField,
  goSliceType,
  goStringType,
  goStructType,
  goUnmarshalerType,
  marshalGoJson,
  unmarshalGoJsonTime,
  type GoValue,
} from '@cfssl-ts/core/go';
import { GO_BIG_INT, GO_SUBJECT } from '../../_internal/sign-request-json.js';

const str = goStringType();

// config.OID: a quoted dotted string (checked against the profile's allowed_extensions by the signer).
const oid = goUnmarshalerType<string>(
  'config.OID',
  () => '',
  (raw) => {
    if (!raw.startsWith('"') || !raw.endsWith('"') || raw.length < 2) throw new Error(`OID JSON string not wrapped in quotes.${raw}`);
    return raw.slice(1, -1);
  },
);

const extension = goStructType('signer.Extension', [
  goField('ID', oid, 'id'),
  goField('Critical', goBoolType(), 'critical'),
  goField('Value', str, 'value'),
]);

// time.Time: ms since the epoch, null for Go's zero time (IsZero: not given).
const GO_ZERO_TIME_NS = -62135596800n * 1_000_000_000n;
const time = goUnmarshalerType<number | null>(
  'time.Time',
  () => null,
  (raw, current) => {
    const nanos = unmarshalGoJsonTime(raw);
    if (nanos === undefined) return current;
    return nanos === GO_ZERO_TIME_NS ? null : Number(nanos / 1_000_000n);
  },
);

// map[string]interface{}: kept as cfssl's json.Marshal of it for the certificate store (keys sorted; null when absent).
const metadata = goUnmarshalerType<string>(
  'map[string]interface {}',
  () => 'null',
  (raw) => {
    const value: unknown = JSON.parse(raw);
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) {
      throw new Error('json: cannot unmarshal non-object into Go struct field SignRequest.metadata of type map[string]interface {}');
    }
    return marshalGoJson(value);
  },
);

/** The Go type of cfssl's signer.SignRequest (1.6.5 fields). */
export const FULL_SIGN_REQUEST = goStructType('signer.SignRequest', [
  goField('Hosts', goSliceType(str), 'hosts'),
  goField('Request', str, 'certificate_request'),
  goField('Subject', GO_SUBJECT, 'subject'),
  goField('Profile', str, 'profile'),
  goField('CRLOverride', str, 'crl_override'),
  goField('Label', str, 'label'),
  goField('Serial', GO_BIG_INT, 'serial'),
  goField('Extensions', goSliceType(extension), 'extensions'),
  goField('NotBefore', time),
  goField('NotAfter', time),
  goField('ReturnPrecert', goBoolType()),
  goField('Metadata', metadata, 'metadata'),
]);

/** A decoded signer.SignRequest. */
export type FullSignRequest = GoValue<typeof FULL_SIGN_REQUEST>;

/** The core request: every field honoured (multirootca passes the request to the signer as it is). */
export function toFullSignRequest(r: FullSignRequest): SignRequest {
  return {
    request: r.Request,
    hosts: r.Hosts,
    profile: r.Profile,
    subject: r.Subject,
    crlOverride: r.CRLOverride,
    serial: r.Serial,
    extensions: (r.Extensions ?? []).map((e) => ({ oid: e.ID, critical: e.Critical, value: e.Value })),
    notBefore: r.NotBefore,
    notAfter: r.NotAfter,
  };
}
