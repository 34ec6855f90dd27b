// Go 1.19 crypto/x509 parseRFC2821Mailbox (verify.go): local part as atoms or a quoted string, '@', any domain
// domainToReverseLabels accepts. Used for email SANs and email name constraints (RFC 5280 §4.2.1.10).
import { isValidGoDomain } from './go-valid-domain.js';

/** A parsed mailbox: the local part unescaped, the domain as written. */
export interface GoMailbox {
  local: string;
  domain: string;
}

// RFC 2822 §3.2.4 atext, plus '.', as Go's switch lists it.
const ATEXT = /[0-9A-Za-z!#$%&'*+\-/=?^_`{|}~.]/;

/** Go parseRFC2821Mailbox, or null where Go's `ok` is false. */
export function parseGoMailbox(input: string): GoMailbox | null {
  if (input.length === 0) return null;
  let local = '';
  let i = 0;
  const code = (k: number): number => input.charCodeAt(k);
  if (input[0] === '"') {
    i = 1;
    for (;;) {
      if (i >= input.length) return null;
      const c = code(i++);
      if (c === 0x22) break;
      if (c === 0x5c) {
        // quoted-pair: text = %d1-9 / %d11 / %d12 / %d14-127
        if (i >= input.length) return null;
        const n = code(i);
        if (n === 11 || n === 12 || (n >= 1 && n <= 9) || (n >= 14 && n <= 127)) {
          local += String.fromCharCode(n);
          i++;
        } else return null;
      } else if (
        c === 11 ||
        c === 12 ||
        c === 32 ||
        c === 33 ||
        c === 127 ||
        (c >= 1 && c <= 8) ||
        (c >= 14 && c <= 31) ||
        (c >= 35 && c <= 91) ||
        (c >= 93 && c <= 126)
      ) {
        local += String.fromCharCode(c);
      } else return null;
    }
  } else {
    while (i < input.length) {
      let c = input[i]!;
      if (c === '\\') {
        // Go: an escaped character outside quotes is taken as it is (the case falls through).
        i++;
        if (i >= input.length) return null;
        c = input[i]!;
      } else if (!ATEXT.test(c)) break;
      local += c;
      i++;
    }
    if (local.length === 0 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return null;
  }
  if (i >= input.length || input[i] !== '@') return null;
  const domain = input.slice(i + 1);
  if (!isValidGoDomain(domain)) return null;
  return { local, domain };
}
