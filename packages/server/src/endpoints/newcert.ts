// cfssl api/generator CertGeneratorHandler: a new key, its CSR, and the certificate signed from it.
import { decodeFirstPem, generateKeyAndCsr, selectProfile } from '@cfssl-ts/core';
import { goBoolType, goField, goStringType, goStructType, goUnmarshalerType } from '@cfssl-ts/core/go';
import { apiError } from '../_internal/api-error.js';
import { CSR_NO_HOST_MESSAGE } from '../_internal/csr-no-host-message.js';
import { badRequestWithGoText, decodeGoRequest } from '../_internal/decode-go-request.js';
import type { Endpoint } from '../_internal/endpoint.js';
import { signAndRecord } from '../_internal/sign-and-record.js';
import { NO_BUNDLER_MESSAGE } from '../_internal/sign-result.js';
import { sumsOf } from '../_internal/sums.js';
import { parseApiCsrRequest } from './newkey.js';

// genSignRequest, its `request` kept as raw JSON for the one CSR JSON parser (csr.New() when absent).
const GEN_SIGN_REQUEST = goStructType('generator.genSignRequest', [
  goField(
    'Request',
    goUnmarshalerType<string | null>(
      '*csr.CertificateRequest',
      () => '{}',
      (raw) => (raw === 'null' ? null : raw),
    ),
    'request',
  ),
  goField('Profile', goStringType(), 'profile'),
  goField('Label', goStringType(), 'label'),
  goField('Bundle', goBoolType(), 'bundle'),
]);

/** `/api/v1/cfssl/newcert`; unlike cfssl, a profile with `auth_key` is refused as `/sign` refuses it. */
export const newcertEndpoint: Endpoint = {
  name: 'newcert',
  methods: ['POST'],
  signing: true,
  async handle(req, state) {
    state.log('INFO', 'request for CSR');
    const gen = decodeGoRequest(req.text, GEN_SIGN_REQUEST, badRequestWithGoText);
    if (gen.Request === null) throw apiError(400, 'missing request section');
    const spec = parseApiCsrRequest(gen.Request);
    if (spec.ca) throw apiError(400, 'ca section only permitted in initca');
    // cfssl 1.6.5 signs an authenticated profile here without a token; cfssl-ts refuses (docs/compat.md).
    if (selectProfile(state.policy, gen.Profile).authKey !== null) throw apiError(400, 'authentication required');
    const generated = await generateKeyAndCsr(spec, state.issuance);
    const cert = await signAndRecord({ request: generated.pem, profile: gen.Profile }, gen.Label, state);
    const certDer = decodeFirstPem(cert.pem)?.der ?? cert.der;
    const result = {
      private_key: generated.keyPem,
      certificate_request: generated.pem,
      certificate: cert.pem,
      sums: { certificate_request: sumsOf(generated.der), certificate: sumsOf(certDer) },
    };
    if (gen.Bundle) return { result, messages: [{ code: 5300, message: NO_BUNDLER_MESSAGE }] };
    if (spec.hosts.length === 0) return { result, messages: [{ code: 5300, message: CSR_NO_HOST_MESSAGE }] };
    return { result };
  },
};
