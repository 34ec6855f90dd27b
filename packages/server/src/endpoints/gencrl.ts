// cfssl api/gencrl gencrlHandler: a CRL of the given serials, signed by the given certificate and key.
import { CfsslError, createCrl, importPrivateKeyPem, parseCaCertificatePem } from '@cfssl-ts/core';
import { goField, goSliceType, goStringType, goStructType, parseGoInt, zeroGoValue } from '@cfssl-ts/core/go';
import { apiError } from '../_internal/api-error.js';
import { decodeGoRequest } from '../_internal/decode-go-request.js';
import { decimalSerial, ONE_WEEK_MS } from '../_internal/crl-parts.js';
import type { Endpoint } from '../_internal/endpoint.js';

const str = goStringType();

// gencrl.jsonCRLRequest.
const JSON_CRL_REQUEST = goStructType('gencrl.jsonCRLRequest', [
  goField('Certificate', str, 'certificate'),
  goField('SerialNumber', goSliceType(str), 'serialNumber'),
  goField('PrivateKey', str, 'issuingKey'),
  goField('ExpiryTime', str, 'expireTime'),
]);

const plain = (message: string): Error => new CfsslError('ERR_INPUT', 0, message);

/** `/api/v1/cfssl/gencrl`: base64 DER CRL (the result is a Go []byte). */
export const gencrlEndpoint: Endpoint = {
  name: 'gencrl',
  methods: ['POST'],
  signing: true,
  async handle(req, state) {
    const target = zeroGoValue(JSON_CRL_REQUEST);
    let request = target;
    try {
      request = decodeGoRequest(req.text, JSON_CRL_REQUEST, plain, target);
    } catch (err) {
      // cfssl only logs a JSON error and goes on with what was decoded.
      state.log('ERROR', err instanceof Error ? err.message : String(err));
    }
    const now = state.issuance.now();
    let nextUpdate = now + ONE_WEEK_MS;
    if (request.ExpiryTime !== '') {
      // strconv.ParseInt(TrimSpace(t), 0, 32) seconds; its error is a plain Go error (500, code 0). 0 means now.
      let seconds: bigint;
      try {
        seconds = parseGoInt(request.ExpiryTime.trim(), 32);
      } catch (err) {
        throw plain(err instanceof Error ? err.message : String(err));
      }
      nextUpdate = now + Number(seconds) * 1000;
    }
    let issuer;
    try {
      issuer = parseCaCertificatePem(request.Certificate);
    } catch (err) {
      state.log('ERROR', `error from ParseCertificatePEM${err instanceof Error ? err.message : String(err)}`);
      throw apiError(400, 'malformed certificate');
    }
    const revoked = (request.SerialNumber ?? []).map((v) => ({ serialNumber: decimalSerial(v), revocationTime: now }));
    const password = process.env.CFSSL_CA_PK_PASSWORD;
    let key;
    try {
      key = await importPrivateKeyPem(request.PrivateKey, globalThis.crypto, password ? password : undefined);
    } catch (err) {
      state.log('DEBUG', `malformed private key ${err instanceof Error ? err.message : String(err)}`);
      throw apiError(400, 'malformed Private Key');
    }
    // Its revoked list is a non-nil slice: encoded even when empty (verified against 1.6.5).
    const der = await createCrl({
      issuer,
      key,
      revoked,
      thisUpdate: now,
      nextUpdate,
      keepEmptyRevokedList: true,
      backend: state.issuance.backend,
    });
    return { result: der };
  },
};
