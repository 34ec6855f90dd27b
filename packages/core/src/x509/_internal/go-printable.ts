// Go 1.19 isPrintable (encoding/asn1 with allowAsterisk and allowAmpersand; crypto/x509 parser.go isPrintable):
// the PrintableString set plus '*' and '&', which real certificates hold.

/** True for a byte Go accepts in a PrintableString. */
export function isGoPrintable(b: number): boolean {
  return (
    (b >= 0x61 && b <= 0x7a) ||
    (b >= 0x41 && b <= 0x5a) ||
    (b >= 0x30 && b <= 0x39) ||
    (b >= 0x27 && b <= 0x29) ||
    (b >= 0x2b && b <= 0x2f) ||
    b === 0x20 ||
    b === 0x3a ||
    b === 0x3d ||
    b === 0x3f ||
    b === 0x2a ||
    b === 0x26
  );
}
