// Go 1.19 x509 parseNameConstraintsExtension (RFC 5280 §4.2.1.10): Go's checks, error texts and constraint lists.
import { CryptobyteReader } from '../../der/cryptobyte-reader.js';
import { parseGoIp } from '../../go/parse-ip.js';
import type { NameConstraintSet } from '../name-constraint-set.js';
import { GoParseError } from '../go-parse-error.js';
import { isValidGoDomain } from './go-valid-domain.js';
import { parseGoMailbox } from './go-rfc2821-mailbox.js';

const SEQUENCE = 0x30;
const fail = (message: string): never => {
  throw new GoParseError(message);
};

const isAscii = (b: Uint8Array): boolean => b.every((c) => c < 0x80);
const latin1 = new TextDecoder('latin1');

// net.IPMask validity: ones then zeros.
function validMask(mask: Uint8Array): boolean {
  let seenZero = false;
  for (const b of mask) {
    for (let bit = 7; bit >= 0; bit--) {
      const one = ((b >> bit) & 1) === 1;
      if (one && seenZero) return false;
      if (!one) seenZero = true;
    }
  }
  return true;
}

/** Go parseNameConstraintsExtension: the constraint set, and whether a form Go does not handle was met. */
export function parseGoNameConstraints(value: Uint8Array): { set: NameConstraintSet; unhandled: boolean } {
  const set: NameConstraintSet = {
    permittedDns: [],
    excludedDns: [],
    permittedEmail: [],
    excludedEmail: [],
    permittedUri: [],
    excludedUri: [],
    permittedIp: [],
    excludedIp: [],
  };
  let unhandled = false;
  const invalid = 'x509: invalid NameConstraints extension';
  const outer = new CryptobyteReader(value);
  const top = outer.readNested(SEQUENCE) ?? fail(invalid);
  if (!outer.empty()) fail(invalid);
  const permitted = top.readOptional(0xa0) ?? fail(invalid);
  const excluded = top.readOptional(0xa1) ?? fail(invalid);
  if (!top.empty()) fail(invalid);
  if ((!permitted.present && !excluded.present) || (permitted.content.length === 0 && excluded.content.length === 0)) {
    fail('x509: empty name constraints extension');
  }
  for (const [subtrees, isPermitted] of [
    [permitted.content, true],
    [excluded.content, false],
  ] as const) {
    const r = new CryptobyteReader(subtrees);
    while (!r.empty()) {
      const seq = r.read(SEQUENCE);
      const base = seq === null ? null : new CryptobyteReader(seq).readAny();
      if (base === null) fail(invalid);
      const data = base!.content;
      const text = latin1.decode(data);
      const ia5 = (): void => {
        if (!isAscii(data)) fail(`x509: invalid constraint value: x509: ${JSON.stringify(text)} cannot be encoded as an IA5String`);
      };
      switch (base!.tag) {
        case 0x82:
          ia5();
          if (!isValidGoDomain(text.startsWith('.') ? text.slice(1) : text))
            fail(`x509: failed to parse dnsName constraint ${JSON.stringify(text)}`);
          (isPermitted ? set.permittedDns : set.excludedDns).push(text);
          break;
        case 0x87:
          if (data.length !== 8 && data.length !== 32) fail(`x509: IP constraint contained value of length ${data.length}`);
          if (!validMask(data.subarray(data.length / 2))) {
            fail(
              `x509: IP constraint contained invalid mask ${Array.from(data.subarray(data.length / 2), (b) => b.toString(16).padStart(2, '0')).join('')}`,
            );
          }
          (isPermitted ? set.permittedIp : set.excludedIp).push({ ip: data.slice(0, data.length / 2), mask: data.slice(data.length / 2) });
          break;
        case 0x81: {
          ia5();
          // With '@' an exact mailbox, otherwise a domain (a leading '.' allowed).
          const ok = text.includes('@') ? parseGoMailbox(text) !== null : isValidGoDomain(text.startsWith('.') ? text.slice(1) : text);
          if (!ok) fail(`x509: failed to parse rfc822Name constraint ${JSON.stringify(text)}`);
          (isPermitted ? set.permittedEmail : set.excludedEmail).push(text);
          break;
        }
        case 0x86:
          ia5();
          if (parseGoIp(text) !== null) fail(`x509: failed to parse URI constraint ${JSON.stringify(text)}: cannot be IP address`);
          if (!isValidGoDomain(text.startsWith('.') ? text.slice(1) : text))
            fail(`x509: failed to parse URI constraint ${JSON.stringify(text)}`);
          (isPermitted ? set.permittedUri : set.excludedUri).push(text);
          break;
        default:
          unhandled = true;
      }
    }
  }
  return { set, unhandled };
}
