// cfssl api/bundle Handler: the chain of a given certificate, from the server's -ca-bundle / -int-bundle.
import { CfsslError } from '@cfssl-ts/core';
import { buildBundle, marshalBundleJson } from '@cfssl-ts/core/bundle';
import { goMapType, goStringType, marshalGoJson } from '@cfssl-ts/core/go';
import { apiError } from '../_internal/api-error.js';
import { decodeGoRequest } from '../_internal/decode-go-request.js';
import type { Endpoint } from '../_internal/endpoint.js';
import { RawJson } from '../_internal/raw-json.js';

// api.readRequestBlob: a map[string]string; its JSON errors are plain Go errors (500, code 0).
const BLOB = goMapType(goStringType());
const plain = (message: string): Error => new CfsslError('ERR_INPUT', 0, message);

// x509.Certificate.VerifyHostname, for DNS names (wildcards match one label) and IP addresses.
function hostnameMatches(hostnames: readonly string[], name: string): boolean {
  const want = name.toLowerCase().replace(/\.$/, '');
  return hostnames.some((h) => {
    const host = h.toLowerCase();
    if (host === want) return true;
    if (!host.startsWith('*.')) return false;
    const dot = want.indexOf('.');
    return dot > 0 && want.slice(dot) === host.slice(1);
  });
}

/** `/api/v1/cfssl/bundle`: `certificate` (with optional `private_key`, `flavor`, `domain`); `domain` alone is not served. */
export const bundleEndpoint: Endpoint = {
  name: 'bundle',
  methods: ['POST'],
  signing: false,
  async handle(req, state) {
    const blob = decodeGoRequest(req.text, BLOB, plain) ?? new Map<string, string>();
    const certificate = blob.get('certificate');
    const domain = blob.get('domain');
    if (certificate === undefined && domain === undefined) throw apiError(400, 'no valid parameter sets found');
    const flavor = blob.get('flavor') || 'ubiquitous';
    state.log('INFO', `request for flavor ${flavor}`);
    // cfssl dials the domain (a failure is 400 / 6000); cfssl-ts serve makes no outbound connection.
    if (certificate === undefined) throw plain('cfssl-ts serve: bundle by domain is not supported');
    const key = blob.get('private_key');
    let bundle;
    try {
      bundle = await buildBundle({
        certificates: new TextEncoder().encode(certificate),
        key: key ? key : null,
        roots: state.bundle.roots,
        intermediates: state.bundle.intermediates,
        flavor,
        now: state.issuance.now,
        log: (level, message) => state.log(level === 'info' ? 'INFO' : 'WARNING', message),
      });
    } catch (err) {
      state.log('WARNING', 'bad PEM certificate or private key');
      throw err;
    }
    if (domain !== undefined && domain !== '' && !hostnameMatches(bundle.hostnames, domain)) {
      // errors.Wrap(CertificateError, VerificationFailed, x509.HostnameError)
      throw new CfsslError('ERR_CERTIFICATE', 1200, `x509: certificate is not valid for ${domain}`);
    }
    return { result: new RawJson(marshalGoJson(JSON.parse(marshalBundleJson(bundle)), { plainObjects: 'struct' })) };
  },
};
