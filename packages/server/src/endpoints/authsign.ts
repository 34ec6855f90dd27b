// cfssl api/signhandler AuthHandler: an HMAC-authenticated sign request (reference §6.4).
import { selectProfile } from '@cfssl-ts/core';
import { apiError } from '../_internal/api-error.js';
import { badRequestWithGoText, decodeGoRequest } from '../_internal/decode-go-request.js';
import type { Endpoint } from '../_internal/endpoint.js';
import { JSON_SIGN_REQUEST, toSignRequest } from '../_internal/sign-request-json.js';
import { signResult } from '../_internal/sign-result.js';
import { signAndRecord } from '../_internal/sign-and-record.js';
import { AUTHENTICATED_REQUEST, tokenMatchesProfile } from '../_internal/authenticated-request.js';

/** `/api/v1/cfssl/authsign`. */
export const authsignEndpoint: Endpoint = {
  name: 'authsign',
  methods: ['POST'],
  signing: true,
  async handle(req, state) {
    state.log('INFO', 'signature request received');
    const outer = decodeGoRequest(req.text, AUTHENTICATED_REQUEST, badRequestWithGoText);
    const innerBytes = outer.Request ?? new Uint8Array(0);
    const js = decodeGoRequest(Buffer.from(innerBytes).toString('utf8'), JSON_SIGN_REQUEST, () =>
      apiError(400, 'Unable to parse authenticated sign request'),
    );
    const profile = selectProfile(state.policy, js.Profile);
    if (profile.authKey === null) {
      state.log('ERROR', 'profile has no authentication provider');
      throw apiError(400, 'no authentication provider');
    }
    if (!tokenMatchesProfile(profile, innerBytes, outer.Token)) {
      state.log('WARNING', 'received authenticated request with invalid token');
      throw apiError(400, 'invalid token');
    }
    state.replay?.check(outer.Timestamp, outer.Token ?? new Uint8Array(0));
    if (js.Request === '') throw apiError(400, "missing parameter 'certificate_request'");
    const cert = await signAndRecord(toSignRequest(js), js.Label, state);
    return signResult(cert.pem, js.Bundle);
  },
};
