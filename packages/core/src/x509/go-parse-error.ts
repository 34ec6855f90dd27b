// An error Go's crypto/x509 or encoding/asn1 would return, carrying Go's exact text.
import { DerError } from '../der/der-reader.js';

/** Thrown where Go's parsers reject input; `message` is the text Go's error prints. A DerError, so DER callers catch it as malformed input. */
export class GoParseError extends DerError {
  override readonly name: string = 'GoParseError';
}
