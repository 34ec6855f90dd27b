// cfssl api/certadd: record a certificate issued elsewhere, after checking it against the request.
import { CfsslError, parseCaCertificatePem, type ParsedCertificate } from '@cfssl-ts/core';
import { goField, goIntType, goStringType, goStructType, goUnmarshalerType, unmarshalGoJsonTime } from '@cfssl-ts/core/go';
import { apiError } from '../_internal/api-error.js';
import { decodeGoRequest } from '../_internal/decode-go-request.js';
import type { Endpoint } from '../_internal/endpoint.js';

/** A decoded time.Time: Unix ns (null = Go's zero time) and whether it is in UTC (written with `Z`). */
interface GoTime {
  nanos: bigint | null;
  utc: boolean;
}

const str = goStringType();
const time = goUnmarshalerType<GoTime>(
  'time.Time',
  () => ({ nanos: null, utc: true }),
  (raw, current) => {
    const nanos = unmarshalGoJsonTime(raw);
    return nanos === undefined ? current : { nanos, utc: raw.endsWith('Z"') };
  },
);
const jsonText = goUnmarshalerType<string>(
  'types.JSONText',
  () => '',
  (raw) => raw,
);

const ADD_REQUEST = goStructType('certadd.AddRequest', [
  goField('Serial', str, 'serial_number'),
  goField('AKI', str, 'authority_key_identifier'),
  goField('CALabel', str, 'ca_label'),
  goField('Status', str, 'status'),
  goField('Reason', goIntType(), 'reason'),
  goField('Expiry', time, 'expiry'),
  goField('RevokedAt', time, 'revoked_at'),
  goField('PEM', str, 'pem'),
  goField('IssuedAt', time, 'issued_at'),
  goField('NotBefore', time, 'not_before'),
  goField('MetadataJSON', jsonText, 'metadata'),
  goField('SansJSON', jsonText, 'sans'),
  goField('CommonName', str, 'common_name'),
]);

// crypto/ocsp reason codes cfssl accepts: 0-10 but 7 (unused).
const VALID_REASONS = new Set([0, 1, 2, 3, 4, 5, 6, 8, 9, 10]);
const STATUSES = new Set(['good', 'revoked', 'unknown']);
const bad = (message: string) => apiError(400, message);
const ms = (t: GoTime): number | null => (t.nanos === null ? null : Number(t.nanos / 1_000_000n));

function parseCertificatePem(pem: string): ParsedCertificate {
  try {
    return parseCaCertificatePem(pem);
  } catch {
    throw bad('Unable to parse PEM encoded certificates');
  }
}

/** `/api/v1/cfssl/certadd` (1.6); without a store a valid request fails as cfssl's: 11000. */
export const certaddEndpoint: Endpoint = {
  name: 'certadd',
  methods: ['POST'],
  signing: false,
  async handle(req, state) {
    const r = decodeGoRequest(req.text, ADD_REQUEST, () => bad('Unable to parse certificate addition request'));
    if (r.Serial === '') throw bad('Serial number is required but not provided');
    if (r.AKI === '') throw bad('Authority key identifier is required but not provided');
    if (!STATUSES.has(r.Status)) throw bad('Invalid certificate status');
    if (r.Status === 'revoked') {
      if (r.RevokedAt.nanos === null) throw bad('Revoked certificate should specify when it was revoked');
      if (!VALID_REASONS.has(r.Reason)) throw bad('Invalid certificate status reason code');
    }
    if (r.PEM === '') throw bad('The provided certificate is empty');
    if (r.Expiry.nanos === null) throw bad('Expiry is required but not provided');
    const cert = parseCertificatePem(r.PEM);
    if (!/^[+-]?\d+$/.test(r.Serial)) throw bad('Unable to parse serial key of request');
    if (BigInt(r.Serial) !== cert.serialNumber) throw bad('Serial key of request and certificate do not match');
    if (r.AKI.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(r.AKI)) throw bad('Unable to decode authority key identifier');
    if (r.AKI.toLowerCase() !== Buffer.from(cert.authorityKeyId).toString('hex')) {
      throw bad('Authority key identifier of request and certificate do not match');
    }
    // Go compares time.Time values with !=: the same instant in another zone is a mismatch.
    if (!r.Expiry.utc || r.Expiry.nanos !== BigInt(cert.notAfter) * 1_000_000n) throw bad('Expiry of request and certificate do not match');
    if (state.store === null) throw new CfsslError('ERR_CERT_STORE', 11000, 'unknown db object, please check SetDB method');
    await state.store.insert({
      serial: r.Serial,
      authorityKeyId: r.AKI,
      caLabel: r.CALabel,
      status: r.Status,
      reason: r.Reason,
      expiry: cert.notAfter,
      revokedAt: ms(r.RevokedAt),
      pem: r.PEM,
      issuedAt: ms(r.IssuedAt),
      notBefore: ms(r.NotBefore),
      metadata: r.MetadataJSON === '' ? 'null' : r.MetadataJSON,
      sans: r.SansJSON === '' ? 'null' : r.SansJSON,
      commonName: r.CommonName,
    });
    return { result: {} };
  },
};
