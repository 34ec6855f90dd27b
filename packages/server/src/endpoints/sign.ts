// cfssl api/signhandler Handler: sign a CSR under a profile that needs no authentication.
import { selectProfile } from '@cfssl-ts/core';
import { apiError } from '../_internal/api-error.js';
import { decodeGoRequest } from '../_internal/decode-go-request.js';
import type { Endpoint } from '../_internal/endpoint.js';
import { JSON_SIGN_REQUEST, toSignRequest } from '../_internal/sign-request-json.js';
import { signResult } from '../_internal/sign-result.js';
import { signAndRecord } from '../_internal/sign-and-record.js';

/** `/api/v1/cfssl/sign`. */
export const signEndpoint: Endpoint = {
  name: 'sign',
  methods: ['POST'],
  signing: true,
  async handle(req, state) {
    state.log('INFO', 'signature request received');
    const js = decodeGoRequest(req.text, JSON_SIGN_REQUEST, () => apiError(400, 'Unable to parse sign request'));
    if (js.Request === '') throw apiError(400, "missing parameter 'certificate_request'");
    if (selectProfile(state.policy, js.Profile).authKey !== null) {
      state.log('ERROR', 'profile requires authentication');
      throw apiError(400, 'authentication required');
    }
    const cert = await signAndRecord(toSignRequest(js), js.Label, state);
    return signResult(cert.pem, js.Bundle);
  },
};
