// @cfssl-ts/server public API: named re-exports only.
export { createCfsslHandler, API_PREFIX, type CfsslHandler } from './create-cfssl-handler.js';
export { createCfsslServer, type CfsslServer, type CfsslServerOptions } from './create-cfssl-server.js';
export type { CfsslHandlerOptions, OcspSigningOptions, ServerLogLevel } from './cfssl-handler-options.js';
export type { CertificateStore, CertificateRecord } from './certificate-store.js';
export { certificateRecordFor } from './certificate-record-for.js';
export { verifyStandardToken } from './verify-standard-token.js';
export { createOcspHandler, type OcspHandlerOptions } from './ocsp/create-ocsp-handler.js';
export { ocspSourceFromResponsesText, decodeStdBase64, type OcspResponseSource } from './ocsp/ocsp-response-source.js';
export { tlsVersionFromFlag, type CfsslTlsOptions } from './tls-options.js';
export { ocspSourceFromStore, type OcspResponseStore, type StoredOcspResponse } from './ocsp/ocsp-db-source.js';
export { createMultirootHandler, type MultirootHandler } from './multiroot/create-multiroot-handler.js';
export { createMultirootServer, type MultirootServer, type MultirootServerOptions } from './multiroot/create-multiroot-server.js';
export type { MultirootHandlerOptions, MultirootRoot } from './multiroot/multiroot-handler-options.js';
export type { MultirootMetrics } from './multiroot/multiroot-metrics.js';
export { parseRootsFile, privateKeyPathOf, type RootSection } from './multiroot/parse-roots-file.js';
export { parseNetAcl, type NetAcl } from './multiroot/net-acl.js';
