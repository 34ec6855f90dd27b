// cfssl api/certinfo: describe a certificate given as PEM, or found in the store by serial and AKI.
import { certificateInfoFromPem, CfsslError } from '@cfssl-ts/core';
import { goMapType, goStringType, marshalGoJson } from '@cfssl-ts/core/go';
import { decodeGoRequest } from '../_internal/decode-go-request.js';
import type { Endpoint } from '../_internal/endpoint.js';
import { apiError } from '../_internal/api-error.js';
import { RawJson } from '../_internal/raw-json.js';

// api.readRequestBlob: a map[string]string; its JSON errors are plain Go errors (500, code 0).
const BLOB = goMapType(goStringType());
const plain = (message: string): Error => new CfsslError('ERR_INPUT', 0, message);

/** certinfo of a PEM as the API returns it: the struct, compact (json.Encoder). */
function certinfoResult(pem: string): RawJson {
  const pretty = certificateInfoFromPem(new TextEncoder().encode(pem));
  return new RawJson(marshalGoJson(JSON.parse(pretty), { plainObjects: 'struct' }));
}

/** `/api/v1/cfssl/certinfo`: the first matching set wins (`certificate`, `domain`, `serial`+`authority_key_id`). */
export const certinfoEndpoint: Endpoint = {
  name: 'certinfo',
  methods: ['POST'],
  signing: false,
  async handle(req, state) {
    const blob = decodeGoRequest(req.text, BLOB, plain) ?? new Map<string, string>();
    const certificate = blob.get('certificate');
    if (certificate !== undefined) return { result: certinfoResult(certificate) };
    if (blob.has('domain')) throw plain('cfssl-ts serve: certinfo by domain is not supported yet');
    const serial = blob.get('serial');
    const aki = blob.get('authority_key_id');
    if (serial === undefined || aki === undefined) throw apiError(400, 'no valid parameter sets found');
    if (state.store === null) throw plain('cannot lookup certificate from serial without db access');
    const rows = await state.store.get(serial, aki);
    const first = rows[0];
    if (first === undefined) throw plain('no certificate found');
    return { result: certinfoResult(first.pem) };
  },
};
