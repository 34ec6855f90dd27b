// cfssl csr.CertificateRequest.Name(): the subject a CSR JSON asks for.
import { INVALID_OID_MESSAGE, isMarshalableOid } from '../der/der-writer.js';
import { CfsslError } from '../errors/cfssl-error.js';
import { goAtoi } from '../go/strconv-atoi.js';
import type { CertificateRequestSpec } from '../csr-request/certificate-request-spec.js';
import { emptyName, NAME_OID, type DistinguishedName } from './distinguished-name.js';

// cfssl csr.OIDFromString: every dot-separated part must pass strconv.Atoi (exact int64 arcs, never rounded).
function validateOid(s: string): string {
  const dotted = s
    .split('.')
    .map((part) => {
      try {
        return goAtoi(part).toString();
      } catch {
        // csr.Generate returns this unwrapped (plain text); csr.ParseRequest wraps it as 9300.
        throw new CfsslError('ERR_CSR_REQUEST', 0, `invalid OID part ${part}`);
      }
    })
    .join('.');
  // x509.CreateCertificateRequest: asn1.Marshal refuses an OID it cannot encode; csr.Generate wraps it as 9300.
  if (!isMarshalableOid(dotted)) throw new CfsslError('ERR_CSR', 9300, INVALID_OID_MESSAGE);
  return dotted;
}

/** Build the requested subject: CN, then per `names` entry C/ST/L/O/OU (non-empty), OID map, E. */
export function nameFromRequest(req: CertificateRequestSpec): DistinguishedName {
  const name = emptyName();
  name.commonName = req.CN;
  const appendIf = (value: string, into: string[]): void => {
    if (value !== '') into.push(value);
  };
  for (const n of req.names) {
    appendIf(n.C, name.country);
    appendIf(n.ST, name.province);
    appendIf(n.L, name.locality);
    appendIf(n.O, name.organization);
    appendIf(n.OU, name.organizationalUnit);
    // cfssl iterates a Go map here (random order); we keep the JSON order.
    for (const [oid, value] of n.OID) name.extraNames.push({ oid: validateOid(oid), value });
    if (n.E !== '') name.extraNames.push({ oid: NAME_OID.emailAddress, value: n.E });
  }
  name.serialNumber = req.serialnumber;
  return name;
}
