// An error Go's crypto/x509 or encoding/asn1 would return, carrying Go's exact text.

/** Thrown where Go's parsers reject input; `message` is the text Go's error prints. */
export class GoParseError extends Error {
  override readonly name = 'GoParseError';
}
