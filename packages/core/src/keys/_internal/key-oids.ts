// Object identifiers for the key and signature algorithms cfssl handles (Go crypto/x509 oid* values).

/** rsaEncryption (RFC 8017 appendix C). */
export const OID_RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
/** id-ecPublicKey (RFC 5480 §2.1.1). */
export const OID_EC_PUBLIC_KEY = '1.2.840.10045.2.1';
/** id-Ed25519 (RFC 8410 §3), both the key and the signature algorithm. */
export const OID_ED25519 = '1.3.101.112';
