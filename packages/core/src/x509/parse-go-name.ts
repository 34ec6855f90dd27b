// Go 1.19 crypto/x509 parser.go parseName: a DER Name as Go's pkix.RDNSequence, with Go's error texts.
import { CryptobyteReader } from '../der/cryptobyte-reader.js';
import { GoParseError } from './go-parse-error.js';
import type { GoAttribute } from './go-pkix-name.js';
import { GoString } from './go-string.js';
import { parseX509String } from './_internal/x509-asn1-string.js';

const SEQUENCE = 0x30;
const SET = 0x31;
const fail = (message: string): never => {
  throw new GoParseError(message);
};

/**
 * Parse the bytes of one Name element (RDNSequence) as Go's x509 parseName does: every RDN, in DER order,
 * each attribute's value a GoString. Throws GoParseError with Go's message where Go returns an error.
 */
export function parseGoName(raw: Uint8Array): GoAttribute[][] {
  const seq = new CryptobyteReader(raw).readNested(SEQUENCE) ?? fail('x509: invalid RDNSequence');
  const rdns: GoAttribute[][] = [];
  while (!seq.empty()) {
    const set = seq.readNested(SET) ?? fail('x509: invalid RDNSequence');
    const rdn: GoAttribute[] = [];
    while (!set.empty()) {
      const atv = set.readNested(SEQUENCE) ?? fail('x509: invalid RDNSequence: invalid attribute');
      const type = atv.readObjectIdentifier() ?? fail('x509: invalid RDNSequence: invalid attribute type');
      const value = atv.readAny() ?? fail('x509: invalid RDNSequence: invalid attribute value');
      let text: Uint8Array;
      try {
        text = parseX509String(value.tag, value.content);
      } catch (e) {
        throw new GoParseError(`x509: invalid RDNSequence: invalid attribute value: ${(e as Error).message}`);
      }
      rdn.push({ type, value: new GoString(text) });
    }
    rdns.push(rdn);
  }
  return rdns;
}
