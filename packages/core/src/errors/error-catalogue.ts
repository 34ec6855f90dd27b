// The table of CfsslError codes: the source docs/errors.md is rendered from (scripts/render-errors-doc.mjs).

/** One stable string code of {@link CfsslError}: a failure family. */
export interface CfsslErrorCodeEntry {
  code: string;
  /** The cfssl numeric codes raised under it; `0` is a plain error (a bare Go error text). */
  cfsslCodes: readonly number[];
  description: string;
}

/** The stable string codes of {@link CfsslError}, one per failure family. */
export const CFSSL_ERROR_CODES = [
  {
    code: 'ERR_CONFIG',
    cfsslCodes: [5200, 0],
    description:
      '`ca-config.json` could not be loaded: JSON, populate or `Valid()` failure (5200), or `No "signing" field present` (plain)',
  },
  {
    code: 'ERR_POLICY',
    cfsslCodes: [5100, 5200, 5300, 5400, 5500, 10100, 0],
    description: 'the signing policy or profile rejects the request',
  },
  { code: 'ERR_SUBJECT', cfsslCodes: [5300], description: '`missing subject information`: the request gives no subject at all' },
  {
    code: 'ERR_CSR_REQUEST',
    cfsslCodes: [0],
    description: 'the CSR JSON is not valid (Go JSON errors, `ca section only permitted in initca`, a bad `OID` key)',
  },
  {
    code: 'ERR_NAME_CONSTRAINTS',
    cfsslCodes: [0, 5200],
    description:
      'a `name_constraints` entry is invalid (CSR JSON `ca`: plain; a signing profile: 5200): the message names the entry by JSON path, `findings` lists every bad one',
  },
  { code: 'ERR_CSR', cfsslCodes: [9002, 9003, 9300, 0], description: 'a PEM/DER certificate request cannot be decoded, parsed or used' },
  {
    code: 'ERR_CERTIFICATE',
    cfsslCodes: [1000, 1001, 1002, 1003, 1100, 1200, 1300, 1400, 3001, 3003, 4001, 4003, 0],
    description: 'a certificate (CA, input or bundle) cannot be read, parsed, verified or encoded',
  },
  {
    code: 'ERR_PRIVATE_KEY',
    cfsslCodes: [2000, 2001, 2002, 2003, 2100, 2200, 2300, 2500, 0],
    description: 'a private key cannot be read, decoded, parsed, matched or used',
  },
  {
    code: 'ERR_KEY_GENERATION',
    cfsslCodes: [2400],
    description: 'a new key cannot be generated (bad `key` spec or a failing random source)',
  },
  {
    code: 'ERR_API_CLIENT',
    cfsslCodes: [7100, 7200, 7300, 7400, 7500],
    description: 'a remote cfssl server (`-remote`, `remote`/`auth_remote` profiles) could not be reached or refused the request',
  },
  { code: 'ERR_INPUT', cfsslCodes: [0], description: 'any other user input error (files, arguments, flags), printed as plain text' },
  {
    code: 'ERR_INPUT_TOO_LARGE',
    cfsslCodes: [0],
    description: 'an input file or standard input is larger than its limit (`docs/compat.md`, "Input limits"); cfssl has no limit',
  },
  {
    code: 'ERR_API_REQUEST',
    cfsslCodes: [400, 405, 413, 503],
    description:
      '`cfssl-ts serve`: an HTTP-level refusal, its code the HTTP status (bad parameters or JSON, wrong method, body over the limit, signing work full)',
  },
  {
    code: 'ERR_OCSP',
    cfsslCodes: [8100, 8200, 0],
    description:
      "an OCSP request or response cannot be parsed (plain, Go's text), the certificate is not the issuer's (8100), or a status or revocation reason is invalid (8200, also `revoke`'s reason that is neither a name nor a number from 1 to 9)",
  },
  {
    code: 'ERR_CERT_STORE',
    cfsslCodes: [11000, 11100, 11200],
    description: '`cfssl-ts serve`: the certificate store failed, refused an insertion, or has no such certificate (or there is no store)',
  },
  {
    code: 'ERR_ROOTS_FILE',
    cfsslCodes: [0],
    description:
      '`cfssl-ts multirootca`: the `-roots` file cannot be parsed (its file and line named), a section lacks `private`, `certificate` or `config`, a private key spec is not `file://`, or a `nets` entry is not a CIDR network',
  },
] as const satisfies readonly CfsslErrorCodeEntry[];

/** A stable string code of {@link CfsslError}; `switch (err.code)` over these. */
export type CfsslErrorCode = (typeof CFSSL_ERROR_CODES)[number]['code'];

/** One numeric code of cfssl's `errors` package that cfssl-ts raises. */
export interface CfsslNumericCodeEntry {
  cfsslCode: number;
  /** cfssl's default message (`errors.New`); a wrapped error carries its own text instead. */
  message: string;
  /** When cfssl-ts raises it. */
  raisedFor: string;
}

/** cfssl's numeric codes (category × 1000 + reason) and their default messages. */
export const CFSSL_NUMERIC_CODES: readonly CfsslNumericCodeEntry[] = [
  {
    cfsslCode: 1000,
    message: 'Unknown certificate error',
    raisedFor:
      "Go x509 encoding refusals while signing (`x509: only CAs are allowed to specify MaxPathLen`, a non-IA5 SAN, a key that does not match the CA's)",
  },
  { cfsslCode: 1001, message: 'Failed to read certificate', raisedFor: '`-ca` or a bundle input cannot be read' },
  { cfsslCode: 1002, message: 'Failed to decode certificate', raisedFor: 'no PEM certificate in the input' },
  { cfsslCode: 1003, message: 'Failed to parse certificate', raisedFor: 'the certificate DER is not one Go accepts' },
  { cfsslCode: 1100, message: 'Certificate is self signed', raisedFor: 'bundle: the leaf signs itself' },
  {
    cfsslCode: 1200,
    message: 'Unable to verify certificate',
    raisedFor: 'bundle: no chain (1210 + x509 reason for an invalid chain, 1220 for an unknown authority)',
  },
  {
    cfsslCode: 1300,
    message: 'Invalid certificate request',
    raisedFor: 'a sign request cfssl refuses (e.g. a bad hex `serial` or extension value)',
  },
  { cfsslCode: 1400, message: 'Missing serial number in request', raisedFor: '`ClientProvidesSerialNumbers` without a serial' },
  { cfsslCode: 2000, message: 'Unknown private key error', raisedFor: 'no `-ca-key` given together with `-config`' },
  { cfsslCode: 2001, message: 'Failed to read private key', raisedFor: 'a key file cannot be read' },
  { cfsslCode: 2002, message: 'Failed to decode private key', raisedFor: 'no PEM block in the key file' },
  { cfsslCode: 2003, message: 'Failed to parse private key', raisedFor: 'the key is not PKCS#8, PKCS#1, SEC 1 or cfssl Ed25519' },
  { cfsslCode: 2100, message: 'Private key is encrypted.', raisedFor: 'an encrypted key without `CFSSL_CA_PK_PASSWORD`' },
  { cfsslCode: 2200, message: 'Private key algorithm is not RSA or ECC or Ed25519', raisedFor: 'a key of another algorithm' },
  { cfsslCode: 2300, message: 'Private key does not match public key', raisedFor: "the key is not the certificate's" },
  {
    cfsslCode: 2400,
    message: 'Failed to new private key',
    raisedFor: 'key generation: `RSA key is too weak`, `RSA key size too large`, `invalid curve`, `invalid algorithm`',
  },
  { cfsslCode: 2500, message: 'Private key is unavailable', raisedFor: 'the signer failed' },
  { cfsslCode: 3001, message: 'Failed to read intermediate certificate', raisedFor: 'bundle: `-int-bundle` cannot be read' },
  { cfsslCode: 3003, message: 'Failed to parse intermediate certificate', raisedFor: 'bundle: an intermediate cannot be parsed' },
  { cfsslCode: 4001, message: 'Failed to read root certificate', raisedFor: 'bundle: `-ca-bundle` cannot be read' },
  { cfsslCode: 4003, message: 'Failed to parse root certificate', raisedFor: 'bundle: a root cannot be parsed' },
  { cfsslCode: 5000, message: 'Unknown policy error', raisedFor: '(not raised)' },
  {
    cfsslCode: 5100,
    message: 'Invalid policy: no key usage available',
    raisedFor: 'the profile resolves to no key usage and no extended key usage',
  },
  {
    cfsslCode: 5200,
    message: 'Invalid or unknown policy',
    raisedFor:
      '`ca-config.json` load errors (`invalid configuration`, `empty expiry string`, Go duration and JSON errors, ...) except a config without `signing` (`{}`, `null`: cfssl\'s plain `No "signing" field present`, no code); bad policy qualifiers at signing',
  },
  {
    cfsslCode: 5300,
    message: 'Policy violation request',
    raisedFor:
      "`missing subject information`; a CA certificate the profile or the issuer's pathLen does not allow; `failed to connect to remote` (a remote address that is not a URL)",
  },
  {
    cfsslCode: 5400,
    message: 'Unknown policy profile',
    raisedFor: '`info -profile` names no profile; a sign request with `strictProfile` names a profile the policy lacks',
  },
  { cfsslCode: 5500, message: 'Request does not match policy whitelist', raisedFor: 'a name outside `name_whitelist`' },
  { cfsslCode: 7100, message: 'API client authentication failure', raisedFor: 'an `auth_remote` token cannot be computed' },
  {
    cfsslCode: 7200,
    message: 'API client JSON config error',
    raisedFor: "a remote's answer is not JSON, or its `result` lacks a string `certificate`",
  },
  { cfsslCode: 7300, message: 'API client IO error', raisedFor: "a remote's answer cannot be read" },
  {
    cfsslCode: 7400,
    message: 'API client HTTP error',
    raisedFor: 'a remote cannot be reached (`failed POST to ...`) or answers with a status other than 200 (the body is the message)',
  },
  {
    cfsslCode: 7500,
    message: 'API client error: Server request failed',
    raisedFor: "a remote answers `success:false` or a null `result` (its first error's message)",
  },
  {
    cfsslCode: 8100,
    message: 'Certificate not issued by this issuer',
    raisedFor: '`ocspsign`: the certificate names another issuer or its signature does not verify against `-ca`',
  },
  { cfsslCode: 8200, message: 'Invalid revocation status', raisedFor: '`ocspsign` `-status`, `revoke`/`ocspsign` `-reason` out of range' },
  { cfsslCode: 9000, message: 'CSR parsing failed due to unknown error', raisedFor: '(not raised)' },
  { cfsslCode: 9001, message: 'CSR file read failed', raisedFor: '(not raised)' },
  { cfsslCode: 9002, message: 'CSR Decode failed', raisedFor: 'no PEM block in the CSR input' },
  { cfsslCode: 9003, message: 'CSR Parsing failed', raisedFor: 'the CSR DER is not one Go accepts' },
  { cfsslCode: 9300, message: 'CSR Bad request', raisedFor: 'wrong PEM type (`not a csr`), a bad signature, a bad OID in `names`' },
  {
    cfsslCode: 10100,
    message: 'Certificate transparency precertificate submission failed',
    raisedFor: '`ct_log_servers` in the profile (not supported by cfssl-ts)',
  },
  {
    cfsslCode: 11000,
    message: 'Certificate store action failed due to unknown error',
    raisedFor: '`serve`: the certificate store failed, or `certadd` without a store',
  },
  { cfsslCode: 11100, message: 'Certificate store insertion failed', raisedFor: '`serve`: the store inserted no row' },
  { cfsslCode: 11200, message: 'Certificate store record not found', raisedFor: '`serve` `revoke`: no such serial and AKI' },
];
