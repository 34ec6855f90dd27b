// Go encoding/asn1: a string is a PrintableString unless a character forbids it, then UTF8String.
import { TAG } from '../der/der-writer.js';

// X.680 PrintableString alphabet as Go's isPrintable (asterisk and ampersand rejected when marshalling).
function isPrintableChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x20 || // space
    (c >= 0x27 && c <= 0x29) || // ' ( )
    (c >= 0x2b && c <= 0x2f) || // + , - . /
    c === 0x3a || // :
    c === 0x3d || // =
    c === 0x3f // ?
  );
}

/** The universal tag Go's asn1.Marshal picks for a Go string value. */
export function chooseStringTag(value: string): typeof TAG.PRINTABLE_STRING | typeof TAG.UTF8_STRING {
  for (let i = 0; i < value.length; i++) {
    if (!isPrintableChar(value.charCodeAt(i))) return TAG.UTF8_STRING;
  }
  return TAG.PRINTABLE_STRING;
}
