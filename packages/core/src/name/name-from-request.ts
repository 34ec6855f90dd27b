// cfssl csr.CertificateRequest.Name(): the subject a CSR JSON asks for.
import { CfsslError } from '../errors/cfssl-error.js';
import type { CertificateRequestSpec } from '../csr-request/certificate-request-spec.js';
import { emptyName, NAME_OID, type DistinguishedName } from './distinguished-name.js';

// cfssl csr.OIDFromString: every dot-separated part must pass strconv.Atoi.
function validateOid(s: string): string {
  for (const part of s.split('.')) {
    if (!/^[+-]?\d+$/.test(part)) {
      // csr.Generate returns this unwrapped (plain text); csr.ParseRequest wraps it as 9300.
      throw new CfsslError('ERR_CSR_REQUEST', 0, `invalid OID part ${part}`);
    }
  }
  return s
    .split('.')
    .map((p) => String(Number.parseInt(p, 10)))
    .join('.');
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
