// @cfssl-ts/core/bundle: chain building and validation (cfssl bundle). A separate entry point because it
// loads pkijs, which the issuance path never needs.
export { buildBundle, type BundleRequest, type BundleStatus, type CertificateBundle } from './build-bundle.js';
export { marshalBundleJson } from './marshal-bundle-json.js';
