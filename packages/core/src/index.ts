// @cfssl-ts/core public API: named re-exports only (no `export *`).

// Errors
export { CfsslError, defaultMessage, type CfsslErrorOptions } from './errors/cfssl-error.js';
export {
  CFSSL_ERROR_CODES,
  CFSSL_NUMERIC_CODES,
  type CfsslErrorCode,
  type CfsslErrorCodeEntry,
  type CfsslNumericCodeEntry,
} from './errors/error-catalogue.js';

// ca-config.json
export { parseConfig, type ParseConfigOptions } from './config/parse-config.js';
export type { CaConfigJson, CaConfigProfileJson } from './config/ca-config-json.js';
export { selectProfile, type SelectProfileOptions } from './config/select-profile.js';
export { validateProfile } from './config/validate-profile.js';
export { builtinDefaultProfile } from './config/builtin-default-profile.js';
export { builtinSigningPolicy } from './config/builtin-signing-policy.js';
export { resolveUsages, KEY_USAGE_BITS, EXT_KEY_USAGE_OIDS, type ResolvedUsages } from './config/usages.js';
export type {
  SigningPolicy,
  SigningProfile,
  ParsedConfig,
  ConfigWarning,
  ConfigFinding,
  CaConstraint,
  CertificatePolicy,
  PolicyQualifier,
  CsrWhitelist,
  AuthKey,
} from './config/signing-policy.js';

// CSR JSON
export { parseCsrRequest, type ParseCsrRequestOptions } from './csr-request/parse-csr-request.js';
export { classifyHosts, type ClassifiedHosts } from './csr-request/classify-host.js';
export { requestFromCertificate } from './csr-request/request-from-certificate.js';
export type { CertificateRequestSpec, NameEntry, KeySpec, CaSpec, RawExtensionSpec } from './csr-request/certificate-request-spec.js';
export type { CsrRequestJson, CsrNameJson } from './csr-request/csr-request-json.js';

// Keys and signatures
export type { KeyPair, KeyAlgorithm, NamedCurve } from './keys/key-pair.js';
export { generateKeyPair } from './keys/generate-key-pair.js';
export { exportPrivateKeyPem, exportPrivateKeyDer, exportPkcs8Pem, exportPkcs8Der } from './keys/export-private-key.js';
export { importPrivateKeyPem, importPrivateKeyDer, type ImportPrivateKeyOptions } from './keys/import-private-key.js';
export type { CryptoOptions } from './keys/crypto-options.js';
export { parseSpki, keysMatch, type PublicKeyInfo } from './keys/public-key.js';
export { createSigner, type CreateSignerOptions, type Signer } from './keys/signer.js';
export { verifySignature } from './keys/verify-signature.js';
export { webCryptoBackend, type CryptoBackend } from './keys/crypto-backend.js';
export type {
  WebCrypto,
  WebCryptoSubtle,
  WebCryptoKey,
  WebCryptoKeyPair,
  WebCryptoAlgorithm,
  WebCryptoBytes,
  Jwk,
} from './keys/webcrypto-types.js';
export { cryptoRandom, type RandomSource } from './keys/crypto-random.js';
export { ecdsaSignatureToRaw, ecdsaSignatureToDer } from './keys/ecdsa-signature.js';
export { signatureAlgorithmForKey, signatureAlgorithmByOid, type SignatureAlgorithm } from './keys/signature-algorithm.js';

// CSRs
export { createCsrForKey, generateKeyAndCsr, type CsrOptions, type GeneratedCsr, type GeneratedKeyAndCsr } from './csr/generate-csr.js';
export { buildCsr, encodeCertificationRequestInfo, type CsrContent } from './csr/build-csr.js';
export { parseCsr, type ParsedCsr } from './csr/parse-csr.js';

// Certificates
export { parseCertificate, type ParsedCertificate } from './cert/parse-certificate.js';
export { encodeTbsCertificate, assembleSignedDer } from './cert/encode-tbs-certificate.js';
export type { CertificateTemplate, IssuerIdentity } from './cert/certificate-template.js';
export type { Extension } from './cert/extension.js';
export type { SubjectAltNames } from './cert/subject-alt-names.js';

// Names
export type { DistinguishedName, ExtraAttribute } from './name/distinguished-name.js';
export { encodeName } from './name/encode-name.js';
export { parseName, type ParsedName, type NameAttribute } from './name/parse-name.js';

// Issuance
export { resolveIssuanceContext, type IssuanceContext, type IssuanceOptions, type SerialDraw } from './issue/issuance-context.js';
export type { SignedCertificate } from './issue/signed-certificate.js';
export { signCertificateRequest } from './issue/sign-certificate-request.js';
export { readCertificateRequestPem } from './issue/read-certificate-request-pem.js';
export type { VerifiedCsr } from './issue/verified-csr.js';
export { issueFromPublicKey, type PublicKeyRequest } from './issue/issue-from-public-key.js';
export { createCertificate } from './issue/create-certificate.js';
export { initCa, validateCaRequest, type InitCaOptions, type InitCaResult } from './issue/init-ca.js';
export {
  loadSigningAuthority,
  parseCaCertificatePem,
  signingAuthorityOf,
  type SigningAuthority,
  type CertificateAuthority,
} from './issue/signing-authority.js';
export { parseSubjectOverride } from './issue/parse-subject-override.js';
export type { SignRequest, SubjectOverride, RequestedExtension } from './issue/sign-request.js';
export { computeValidity, type Validity } from './issue/validity.js';
export { randomSerialNumber, parseSerialNumber } from './issue/serial-number.js';

// The common jobs in one call each
export { makeCa, type MakeCaOptions } from './easy/make-ca.js';
export { issueCertificate, type IssueCertificateOptions, type IssuedCertificate } from './easy/issue-certificate.js';

// PEM
export { encodePem, decodePemBlocks, decodeFirstPem, type PemBlock } from './pem/pem.js';

// selfsign, gencert -renewca
export { selfSignCertificate } from './selfsign/self-sign-certificate.js';
export { selectSelfSignProfile } from './selfsign/self-sign-profile.js';
export { renewCa } from './issue/renew-ca.js';

// CRLs (gencrl)
export { createCrl, type CreateCrlOptions, type RevokedCertificateEntry } from './crl/create-crl.js';
export { parseCrlSerialList } from './crl/parse-crl-serial-list.js';
export { crlLifetimeSeconds } from './crl/parse-crl-lifetime.js';
// OCSP (ocspsign, ocspserve, ocsprefresh)
export { createOcspResponse, OCSP_BASIC_RESPONSE_OID, type CreateOcspResponseOptions } from './ocsp/create-ocsp-response.js';
export { encodeOcspCertId, ocspCertIdFor, OCSP_SHA1_OID, type OcspCertId, type OcspCertIdHash } from './ocsp/ocsp-cert-id.js';
export { ocspCertStatus, revocationReasonCode, type OcspCertStatus } from './ocsp/ocsp-status.js';
export { parseOcspRequest } from './ocsp/parse-ocsp-request.js';
export { parseOcspResponse, type ParsedOcspResponse } from './ocsp/parse-ocsp-response.js';

// certinfo (cfssl certinfo -cert / -csr / -domain output)
export { certificateInfoJson } from './certinfo/certificate-info.js';
export { certificateInfoFromPem } from './certinfo/certificate-info-from-pem.js';
export { csrInfoFromPem } from './certinfo/csr-info.js';

// Bundles (cfssl bundle) live at '@cfssl-ts/core/bundle', so issuance does not load chain building.
// Go semantics (Go JSON, strconv, durations, IPs, URLs, regexp, path errors) live at '@cfssl-ts/core/go'.
