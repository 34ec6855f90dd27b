// cfssl's CSR JSON decoding: json.Unmarshal into csr.CertificateRequest{KeyRequest: NewKeyRequest()}.
import { CfsslError } from '../errors/cfssl-error.js';
import { GoError } from '../go/go-error.js';
import { decodeGoJson } from '../go/json/decode-go-json.js';
import { unmarshalGoJson, zeroGoValue } from '../go/json/struct-decoder.js';
import { jsonTextOf } from '../go/json/json-text-of.js';
import type { CertificateRequestSpec } from './certificate-request-spec.js';
import type { CsrRequestJson } from './csr-request-json.js';
import { nameConstraintsError, resolveNameConstraints } from '../cert/resolve-name-constraints.js';
import type { NameConstraints } from '../cert/name-constraints.js';
import { CERTIFICATE_REQUEST_GO_TYPE, type DecodedCertificateRequest } from './csr-request-go-types.js';

/** Options for {@link parseCsrRequest}. */
export interface ParseCsrRequestOptions {
  /** Called with the JSON path (keys as written) of each key cfssl ignores, e.g. `names[0].CN`. */
  onUnknownKey?: (path: string) => void;
}

const DEFAULT_ALGO = 'ecdsa';
const DEFAULT_SIZE = 256;

/**
 * Decode a cfssl CSR JSON request as cfssl 1.6.5 does: Go JSON rules (case-insensitive keys, unknown
 * keys ignored, last duplicate wins), `key` decoded into the default `{"algo":"ecdsa","size":256}` so a
 * partial object merges (`{"algo":"rsa"}` keeps size 256) and `"key": null` means the default.
 * The key algorithm and size are not validated here. Malformed JSON or a type mismatch throws a plain
 * {@link CfsslError} (`ERR_CSR_REQUEST`) carrying Go's message, which cfssl prints as is. An object is
 * marshalled to JSON first and decoded by the same rules, so its errors are the same Go texts
 * (`json: cannot unmarshal number into Go struct field CertificateRequest.CN of type string`).
 *
 * @example parseCsrRequest('{"CN":"x","key":{"algo":"rsa","size":2048}}').key // { algo: 'rsa', size: 2048 }
 * @example parseCsrRequest({ CN: 'etcd', hosts: ['127.0.0.1'] }).key // { algo: 'ecdsa', size: 256 }
 */
export function parseCsrRequest(input: string | CsrRequestJson, options: ParseCsrRequestOptions = {}): CertificateRequestSpec {
  const target = zeroGoValue(CERTIFICATE_REQUEST_GO_TYPE);
  target.KeyRequest = { A: DEFAULT_ALGO, S: DEFAULT_SIZE };
  let req: DecodedCertificateRequest;
  try {
    req = unmarshalGoJson(decodeGoJson(jsonTextOf(input)), CERTIFICATE_REQUEST_GO_TYPE, target, {
      ...(options.onUnknownKey ? { onUnknownKey: options.onUnknownKey } : {}),
    });
  } catch (e) {
    if (e instanceof GoError) throw new CfsslError('ERR_CSR_REQUEST', 0, e.message, { cause: e });
    throw e;
  }
  const key = req.KeyRequest ?? { A: DEFAULT_ALGO, S: DEFAULT_SIZE };
  // cfssl 1.2 issues a CA whose pathLenConstraint is negative, which RFC 5280 §4.2.1.9 forbids: refuse it here.
  if (req.CA !== null && req.CA.PathLength < -1) {
    throw new CfsslError(
      'ERR_CSR_REQUEST',
      0,
      `ca.pathlen ${req.CA.PathLength} is not a path length: use 0 or more (0 with pathlenzero), or omit it for no limit`,
    );
  }
  let nameConstraints: NameConstraints | null = null;
  if (req.CA?.NameConstraints) {
    const resolved = resolveNameConstraints(req.CA.NameConstraints, 'ca.name_constraints');
    if (resolved.constraints === null) throw nameConstraintsError(resolved.problems, 0);
    nameConstraints = resolved.constraints;
  }
  return {
    CN: req.CN,
    names: (req.Names ?? []).map((n) => ({
      C: n.C,
      ST: n.ST,
      L: n.L,
      O: n.O,
      OU: n.OU,
      E: n.E,
      SerialNumber: n.SerialNumber,
      OID: [...(n.OID ?? new Map<string, string>())],
    })),
    hosts: req.Hosts ?? [],
    key: { algo: key.A, size: key.S },
    ca:
      req.CA === null
        ? null
        : {
            pathlen: req.CA.PathLength,
            pathlenzero: req.CA.PathLenZero,
            expiry: req.CA.Expiry,
            backdate: req.CA.Backdate,
            ...(nameConstraints ? { nameConstraints } : {}),
          },
    serialnumber: req.SerialNumber,
    delegationEnabled: req.DelegationEnabled,
    extensions: (req.Extensions ?? []).map((x) => ({ id: x.Id ?? [], critical: x.Critical, value: x.Value ?? new Uint8Array(0) })),
    crlUrl: req.CRL,
  };
}
