// cfssl csr.ExtractCertificateRequest: a CSR request describing an existing certificate (gencsr -cert, renewca).
import type { ParsedCertificate } from '../cert/parse-certificate.js';
import { formatGoDuration } from '../go/parse-duration.js';
import { formatGoIp } from '../go/parse-ip.js';
import type { CertificateRequestSpec, NameEntry } from './certificate-request-spec.js';

function blankEntry(): NameEntry {
  return { C: '', ST: '', L: '', O: '', OU: '', E: '', SerialNumber: '', OID: [] };
}

/** The request cfssl derives from a certificate: CN, zipped C/O/OU/L/ST names, hosts, CA info. */
export function requestFromCertificate(cert: ParsedCertificate): CertificateRequestSpec {
  const s = cert.subject.name;
  // cfssl getNames: the i-th entry takes the i-th value of each attribute type.
  const n = Math.max(s.country.length, s.organization.length, s.organizationalUnit.length, s.locality.length, s.province.length);
  const names: NameEntry[] = [];
  for (let i = 0; i < n; i++) {
    const e = blankEntry();
    e.C = s.country[i] ?? '';
    e.O = s.organization[i] ?? '';
    e.OU = s.organizationalUnit[i] ?? '';
    e.L = s.locality[i] ?? '';
    e.ST = s.province[i] ?? '';
    names.push(e);
  }
  // cfssl getHosts: IPs, then DNS names, emails, URIs.
  const hosts = [...cert.sans.ipAddresses.map(formatGoIp), ...cert.sans.dnsNames, ...cert.sans.emailAddresses, ...cert.sans.uris];
  const ca = cert.isCa
    ? {
        pathlen: cert.maxPathLen,
        pathlenzero: cert.maxPathLenZero,
        expiry: formatGoDuration(BigInt(cert.notAfter - cert.notBefore) * 1_000_000n),
        backdate: '',
      }
    : null;
  return {
    CN: s.commonName,
    names,
    hosts,
    key: { algo: 'ecdsa', size: 256 },
    ca,
    serialnumber: s.serialNumber,
    delegationEnabled: false,
    extensions: [],
    crlUrl: '',
  };
}
