// Go 1.19 crypto/x509 parseASN1String: the string types a certificate Name may hold, as Go strings.
import { GoParseError } from '../go-parse-error.js';
import { decodeUtf16BeToGoString, isValidUtf8 } from '../go-string.js';
import { isGoPrintable } from './go-printable.js';

// Universal tag numbers of the ASN.1 string types.
const STRING_TAG = {
  UTF8: 0x0c,
  NUMERIC: 0x12,
  PRINTABLE: 0x13,
  T61: 0x14,
  IA5: 0x16,
  BMP: 0x1e,
} as const;

/** The value of a Name attribute as a Go string (bytes), or a GoParseError with Go's message. */
export function parseX509String(tag: number, value: Uint8Array): Uint8Array {
  switch (tag) {
    case STRING_TAG.T61:
      // Go 1.19 keeps T61String bytes as they are (no Latin-1 mapping yet).
      return value;
    case STRING_TAG.PRINTABLE:
      for (const b of value) if (!isGoPrintable(b)) throw new GoParseError('invalid PrintableString');
      return value;
    case STRING_TAG.UTF8:
      if (!isValidUtf8(value)) throw new GoParseError('invalid UTF-8 string');
      return value;
    case STRING_TAG.BMP: {
      if (value.length % 2 !== 0) throw new GoParseError('invalid BMPString');
      const l = value.length;
      const units = l >= 2 && value[l - 1] === 0 && value[l - 2] === 0 ? value.subarray(0, l - 2) : value;
      return decodeUtf16BeToGoString(units);
    }
    case STRING_TAG.IA5:
      for (const b of value) if (b >= 0x80) throw new GoParseError('invalid IA5String');
      return value;
    case STRING_TAG.NUMERIC:
      for (const b of value) if (!((b >= 0x30 && b <= 0x39) || b === 0x20)) throw new GoParseError('invalid NumericString');
      return value;
    default:
      throw new GoParseError(`unsupported string type: ${tag}`);
  }
}
