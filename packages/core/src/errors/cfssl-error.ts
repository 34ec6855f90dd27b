// cfssl's error model (cfssl/errors): code = category*1000 + reason; `{"code":N,"message":"..."}`.

/** Default messages of cfssl's `errors.New(category, reason)`, keyed by numeric code. */
const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
  1000: 'Unknown certificate error',
  1001: 'Failed to read certificate',
  1002: 'Failed to decode certificate',
  1003: 'Failed to parse certificate',
  1100: 'Certificate is self signed',
  1200: 'Unable to verify certificate',
  1300: 'Invalid certificate request',
  1400: 'Missing serial number in request',
  2000: 'Unknown private key error',
  2001: 'Failed to read private key',
  2002: 'Failed to decode private key',
  2003: 'Failed to parse private key',
  2100: 'Private key is encrypted.',
  2200: 'Private key algorithm is not RSA or ECC or Ed25519',
  2300: 'Private key does not match public key',
  2400: 'Failed to new private key',
  2500: 'Private key is unavailable',
  5000: 'Unknown policy error',
  5100: 'Invalid policy: no key usage available',
  5200: 'Invalid or unknown policy',
  5300: 'Policy violation request',
  5400: 'Unknown policy profile',
  5500: 'Request does not match policy whitelist',
  9000: 'CSR parsing failed due to unknown error',
  9001: 'CSR file read failed',
  9002: 'CSR Decode failed',
  9003: 'CSR Parsing failed',
  9300: 'CSR Bad request',
};

/**
 * Stable string codes for library users, one per failure family.
 * The numeric cfssl code travels alongside (`CfsslError.code`).
 */
export type CfsslErrorId =
  | 'ERR_CONFIG' // ca-config.json could not be loaded (cfssl 5200 family or plain text)
  | 'ERR_POLICY' // signing policy rejected the request (5xxx)
  | 'ERR_CSR_REQUEST' // CSR JSON invalid (plain text in cfssl)
  | 'ERR_KEY_GENERATION' // 2400
  | 'ERR_PRIVATE_KEY' // 2xxx other than 2400
  | 'ERR_CERTIFICATE' // 1xxx
  | 'ERR_CSR' // 9xxx
  | 'ERR_SUBJECT' // 5300 missing subject information
  | 'ERR_INPUT'; // any other user input error printed as plain text

export interface CfsslErrorOptions {
  /** Print as plain text (cfssl returned a non-cfssl Go error), not as `{"code","message"}`. */
  plain?: boolean;
  cause?: unknown;
}

/**
 * An error with cfssl's numeric code and a stable string id.
 *
 * @example
 * try { parseConfig(text) } catch (e) { if (e instanceof CfsslError && e.id === 'ERR_CONFIG') ... }
 */
export class CfsslError extends Error {
  override readonly name = 'CfsslError';
  /** cfssl's numeric code (0 for plain-text errors). */
  readonly code: number;
  readonly id: CfsslErrorId;
  /** True when cfssl prints this error as plain text rather than JSON. */
  readonly plain: boolean;

  constructor(id: CfsslErrorId, code: number, message?: string, options: CfsslErrorOptions = {}) {
    super(message ?? DEFAULT_MESSAGES[code] ?? 'Unknown error', options.cause === undefined ? undefined : { cause: options.cause });
    this.id = id;
    this.code = code;
    this.plain = options.plain ?? false;
  }
}

/** A cfssl error printed as plain text (Go's `errors.New` / `fmt.Errorf` in cfssl). */
export function plainError(id: CfsslErrorId, message: string, cause?: unknown): CfsslError {
  return new CfsslError(id, 0, message, { plain: true, cause });
}

/** The default message cfssl's `errors.New` uses for a code. */
export function defaultMessage(code: number): string | undefined {
  return DEFAULT_MESSAGES[code];
}
