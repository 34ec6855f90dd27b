// @cfssl-ts/core/bundle: chain building and validation (cfssl bundle), a separate entry point off the
// issuance path.
export { buildBundle, type BundleRequest, type BundleStatus, type CertificateBundle } from './build-bundle.js';
export { marshalBundleJson } from './marshal-bundle-json.js';
