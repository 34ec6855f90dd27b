// cfssl api/generator Handler: a new key and its CSR from CSR JSON.
import { CfsslError, generateKeyAndCsr, parseCsrRequest, type CertificateRequestSpec } from '@cfssl-ts/core';
import { goStruct } from '@cfssl-ts/core/go';
import { apiError } from '../_internal/api-error.js';
import type { Endpoint } from '../_internal/endpoint.js';
import { sumsOf } from '../_internal/sums.js';

/** csr.CertificateRequest decoding as the API does it: Go's JSON errors are 400 with Go's text. */
export function parseApiCsrRequest(text: string): CertificateRequestSpec {
  try {
    return parseCsrRequest(text);
  } catch (e) {
    if (e instanceof CfsslError && e.code === 'ERR_CSR_REQUEST') throw apiError(400, e.message);
    throw e;
  }
}

/** `/api/v1/cfssl/newkey`. */
export const newkeyEndpoint: Endpoint = {
  name: 'newkey',
  methods: ['POST'],
  signing: true,
  async handle(req, state) {
    state.log('INFO', 'request for CSR');
    const spec = parseApiCsrRequest(req.text);
    if (spec.ca) throw apiError(400, 'ca section only permitted in initca');
    const generated = await generateKeyAndCsr(spec, state.issuance);
    return {
      result: goStruct({
        private_key: generated.keyPem,
        certificate_request: generated.pem,
        sums: { certificate_request: sumsOf(generated.der) },
      }),
    };
  },
};
