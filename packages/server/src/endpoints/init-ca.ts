// cfssl api/initca: a new self-signed CA key and certificate from CSR JSON.
import { initCa } from '@cfssl-ts/core';
import { goStruct } from '@cfssl-ts/core/go';
import type { Endpoint } from '../_internal/endpoint.js';
import { parseApiCsrRequest } from './newkey.js';

/** `/api/v1/cfssl/init_ca`: `{private_key, certificate}` (no CSR). */
export const initCaEndpoint: Endpoint = {
  name: 'init_ca',
  methods: ['POST'],
  signing: true,
  async handle(req, state) {
    state.log('INFO', 'setting up initial CA handler');
    const spec = parseApiCsrRequest(req.text);
    const made = await initCa(spec, state.issuance);
    return { result: goStruct({ private_key: made.keyPem ?? '', certificate: made.certificate.pem }) };
  },
};
