// cfssl api/info with the local signer's Info: the CA certificate, a profile's usages and expiry.
import { encodePem, selectProfile } from '@cfssl-ts/core';
import { goField, goStringType, goStruct, goStructType } from '@cfssl-ts/core/go';
import { badRequestWithGoText, decodeGoRequest } from '../_internal/decode-go-request.js';
import type { Endpoint } from '../_internal/endpoint.js';

/** cfssl info.Req. */
export const INFO_REQ = goStructType('info.Req', [
  goField('Label', goStringType(), 'label'),
  goField('Profile', goStringType(), 'profile'),
]);

/** `/api/v1/cfssl/info`: `{label, profile}` → `{certificate, usages, expiry}`. */
export const infoEndpoint: Endpoint = {
  name: 'info',
  methods: ['POST'],
  signing: false,
  handle(req, state) {
    const info = decodeGoRequest(req.text, INFO_REQ, badRequestWithGoText);
    // local.Signer.Info: signer.Profile falls back to the default for an unknown name.
    const profile = selectProfile(state.policy, info.Profile);
    const cert = state.authority?.certificate;
    return Promise.resolve({
      result: goStruct({
        // bytes.TrimSpace(pem.EncodeToMemory(...))
        certificate: cert ? encodePem('CERTIFICATE', cert.raw).trimEnd() : '',
        usages: profile.usages.length === 0 ? null : profile.usages,
        expiry: profile.expiryString,
      }),
    });
  },
};
