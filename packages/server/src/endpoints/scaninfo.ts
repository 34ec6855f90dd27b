// cfssl api/scan scanInfoHandler: the scanner catalogue (scan.Default, family → scanners), as 1.6.5 lists it.
import { goStruct } from '@cfssl-ts/core/go';
import type { Endpoint } from '../_internal/endpoint.js';

// scan/scan_common.go Default: family name, description, [scanner name, description] (Go sorts map keys).
const FAMILIES: readonly [string, string, readonly [string, string][]][] = [
  ['Broad', 'Large scale scans of TLS hosts', [['IntermediateCAs', 'Scans a CIDR IP range for unknown Intermediate CAs']]],
  [
    'Connectivity',
    'Scans for basic connectivity with the host through DNS and TCP/TLS dials',
    [
      ['CloudFlareStatus', 'Host is on CloudFlare'],
      ['DNSLookup', 'Host can be resolved through DNS'],
      ['TCPDial', 'Host accepts TCP connection'],
      ['TLSDial', 'Host can perform TLS handshake'],
    ],
  ],
  [
    'PKI',
    'Scans for the Public Key Infrastructure',
    [
      ['ChainExpiration', "Host's chain hasn't expired and won't expire in the next 30 days"],
      ['ChainValidation', "All certificates in host's chain are valid"],
      ['MultipleCerts', 'Host serves same certificate chain across all IPs'],
    ],
  ],
  [
    'TLSHandshake',
    "Scans for host's SSL/TLS version and cipher suite negotiation",
    [
      ['CertsByCiphers', "Determines host's certificate signature algorithm matching client's accepted ciphers"],
      ['CertsBySigAlgs', "Determines host's certificate signature algorithm matching client's accepted signature and hash algorithms"],
      ['CipherSuite', "Determines host's cipher suites accepted and preferred order"],
      ['ECCurves', "Determines the host's ec curve support for TLS 1.2"],
      ['SigAlgs', "Determines host's accepted signature and hash algorithms"],
    ],
  ],
  [
    'TLSSession',
    "Scans host's implementation of TLS session resumption using session tickets/session IDs",
    [['SessionResume', 'Host is able to resume sessions across all addresses']],
  ],
];

// map[string]FamilyInfo → a JSON object with sorted keys; each FamilyInfo/ScannerInfo is a struct.
const CATALOGUE = Object.fromEntries(
  FAMILIES.map(([family, description, scanners]) => [
    family,
    goStruct({
      description,
      scanners: Object.fromEntries(scanners.map(([name, text]) => [name, goStruct({ description: text })])),
    }),
  ]),
);

/** `/api/v1/cfssl/scaninfo`: GET, the catalogue of scan families and scanners (cfssl-ts runs no scans). */
export const scaninfoEndpoint: Endpoint = {
  name: 'scaninfo',
  methods: ['GET'],
  signing: false,
  handle: () => Promise.resolve({ result: CATALOGUE }),
};
