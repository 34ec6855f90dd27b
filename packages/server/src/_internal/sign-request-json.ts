// cfssl signhandler.jsonSignRequest and its conversion to a signer.SignRequest (jsonReqToTrue).
import { parseSubjectOverride, type SignRequest, type SubjectOverride } from '@cfssl-ts/core';
import { goBoolType, goField, goSliceType, goStringType, goStructType, goUnmarshalerType, type GoValue } from '@cfssl-ts/core/go';

const str = goStringType();

// *big.Int UnmarshalJSON: a JSON number (decimal here); null leaves it nil.
/** *big.Int as a sign request's `serial`. */
export const GO_BIG_INT = goUnmarshalerType<bigint | null>(
  '*big.Int',
  () => null,
  (raw) => {
    if (raw === 'null') return null;
    if (!/^-?\d+$/.test(raw)) throw new Error(`math/big: cannot unmarshal ${JSON.stringify(raw)} into a *big.Int`);
    return BigInt(raw);
  },
);

// *signer.Subject: decoded by the one subject parser; null leaves it nil.
/** *signer.Subject as a sign request's `subject`. */
export const GO_SUBJECT = goUnmarshalerType<SubjectOverride | null>(
  '*signer.Subject',
  () => null,
  (raw) => (raw === 'null' ? null : parseSubjectOverride(raw)),
);

/** The Go type of cfssl's jsonSignRequest. */
export const JSON_SIGN_REQUEST = goStructType('signhandler.jsonSignRequest', [
  goField('Hostname', str, 'hostname'),
  goField('Hosts', goSliceType(str), 'hosts'),
  goField('Request', str, 'certificate_request'),
  goField('Subject', GO_SUBJECT, 'subject'),
  goField('Profile', str, 'profile'),
  goField('Label', str, 'label'),
  goField('Serial', GO_BIG_INT, 'serial'),
  goField('Bundle', goBoolType(), 'bundle'),
]);

/** A decoded jsonSignRequest. */
export type JsonSignRequest = GoValue<typeof JSON_SIGN_REQUEST>;

/** cfssl jsonReqToTrue: `hostname`, when not empty, wins over `hosts` (split on commas). */
export function toSignRequest(js: JsonSignRequest): SignRequest {
  return {
    request: js.Request,
    hosts: js.Hostname !== '' ? js.Hostname.split(',') : js.Hosts,
    subject: js.Subject,
    profile: js.Profile,
    serial: js.Serial,
  };
}
