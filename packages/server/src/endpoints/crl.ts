// cfssl api/crl: a CRL of the store's revoked, unexpired certificates, signed by the CA (GET, `?expiry=`).
import { CfsslError, createCrl } from '@cfssl-ts/core';
import { parseGoDuration } from '@cfssl-ts/core/go';
import { decimalSerial, ONE_WEEK_MS } from '../_internal/crl-parts.js';
import type { Endpoint } from '../_internal/endpoint.js';

// Go's zero time.Time, what a row revoked without a time carries (cfssl reads it as the zero value).
const GO_ZERO_TIME_MS = -62135596800000;
const plain = (message: string): Error => new CfsslError('ERR_INPUT', 0, message);

/** `/api/v1/cfssl/crl` (1.6): base64 DER CRL; on only with a signer and a store. */
export const crlEndpoint: Endpoint = {
  name: 'crl',
  methods: ['GET'],
  signing: true,
  async handle(req, state) {
    if (state.authority === null || state.authority.certificate === null || state.store === null) {
      throw new CfsslError('ERR_CERT_STORE', 11000, 'unknown db object, please check SetDB method');
    }
    // cfssl reads the rows first, then the expiry (so a store failure wins over a bad duration).
    const rows = await state.store.listRevokedUnexpired();
    let expiryMs = ONE_WEEK_MS;
    const expiry = req.query.get('expiry') ?? '';
    if (expiry !== '') {
      state.log('INFO', `requested expiry time of ${expiry}`);
      try {
        expiryMs = Number(parseGoDuration(expiry) / 1_000_000n);
      } catch (err) {
        // time.ParseDuration's error, returned as it is: 500, code 0.
        throw plain(err instanceof Error ? err.message : String(err));
      }
    }
    const now = state.issuance.now();
    const der = await createCrl({
      issuer: state.authority.certificate,
      key: state.authority.key,
      revoked: rows.map((r) => ({ serialNumber: decimalSerial(r.serial), revocationTime: r.revokedAt ?? GO_ZERO_TIME_MS })),
      thisUpdate: now,
      nextUpdate: now + expiryMs,
      // Go's asn1 writes a nil revokedCertificates slice as an empty SEQUENCE (seen in 1.6.5's empty CRL).
      keepEmptyRevokedList: true,
      backend: state.issuance.backend,
    });
    return { result: der };
  },
};
