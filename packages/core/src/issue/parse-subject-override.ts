// cfssl `sign CSR SUBJECT`: json.Unmarshal of the SUBJECT file into signer.Subject (reference §4.6).
import { CfsslError } from '../errors/cfssl-error.js';
import { GoError } from '../go/go-error.js';
import { decodeGoJson } from '../go/json/decode-go-json.js';
import { goField, goSliceType, goStringType, goStructType } from '../go/json/go-type.js';
import { unmarshalGoJson } from '../go/json/struct-decoder.js';
import { NAME_GO_TYPE, type DecodedName } from '../csr-request/csr-request-go-types.js';
import type { SubjectOverride } from './sign-request.js';

const SUBJECT_GO_TYPE = goStructType('signer.Subject', [
  goField('CN', goStringType()),
  goField('Names', goSliceType(NAME_GO_TYPE), 'names'),
  goField('SerialNumber', goStringType()),
]);

/** Parse a subject override file; malformed JSON gives Go's error text (printed plainly by cfssl). */
export function parseSubjectOverride(text: string): SubjectOverride {
  let decoded: { CN: string; Names: DecodedName[] | null; SerialNumber: string };
  try {
    decoded = unmarshalGoJson(decodeGoJson(text), SUBJECT_GO_TYPE);
  } catch (e) {
    if (e instanceof GoError) throw new CfsslError('ERR_INPUT', 0, e.message, { cause: e });
    throw e;
  }
  return {
    CN: decoded.CN,
    names: (decoded.Names ?? []).map((n) => ({ ...n, OID: [...(n.OID ?? new Map<string, string>())] })),
    SerialNumber: decoded.SerialNumber,
  };
}
