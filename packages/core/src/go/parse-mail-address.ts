// Go net/mail.ParseAddress as of Go 1.20 (cfssl 1.6.5's Dockerfile builds with Go 1.20): RFC 5322 with
// RFC 6532 UTF-8, groups, comments, permissive display names (golang.org/issue/21018), no domain literals.

class MailSyntaxError extends Error {}

// One preallocated instance: host classification tries every parser on every host, and
// building a stack trace per rejected candidate dominated issuance profiles.
const SYNTAX_ERROR = new MailSyntaxError();

const fail = (): never => {
  throw SYNTAX_ERROR;
};

// Go net/mail isVchar / isMultibyte: printable ASCII or any non-ASCII code unit.
const isVchar = (c: number): boolean => (c >= 0x21 && c <= 0x7e) || c >= 0x80;
const isWsp = (c: number): boolean => c === 0x20 || c === 0x09;
const isQtext = (c: number): boolean => c !== 0x5c && c !== 0x22 && isVchar(c);

// Go net/mail isAtext(r, dot, permissive).
function isAtext(c: number, dot: boolean, permissive: boolean): boolean {
  switch (c) {
    case 0x2e: // .
      return dot;
    case 0x28:
    case 0x29:
    case 0x5b:
    case 0x5d:
    case 0x3b:
    case 0x40:
    case 0x5c:
    case 0x2c: // ( ) [ ] ; @ \ ,
      return permissive;
    case 0x3c:
    case 0x3e:
    case 0x22:
    case 0x3a: // < > " :
      return false;
    default:
      return isVchar(c);
  }
}

// Go strings.EqualFold against a lower-case ASCII charset name (ſ folds to s).
const charsetIs = (charset: string, want: string): boolean =>
  charset.replace(/\u017f/g, 's').replace(/[A-Z]/g, (c) => c.toLowerCase()) === want;

const isHex = (c: string): boolean => /^[0-9A-Fa-f]$/.test(c);

// Go mime qDecode: reports whether the Q-encoded text decodes.
function qDecodes(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const c = text.charCodeAt(i);
    if (ch === '_') continue;
    if (ch === '=') {
      if (i + 2 >= text.length) return false;
      if (!isHex(text[i + 1] ?? '') || !isHex(text[i + 2] ?? '')) return false;
      i += 2;
      continue;
    }
    if ((c >= 0x20 && c <= 0x7e) || c === 0x0a || c === 0x0d || c === 0x09) continue;
    return false;
  }
  return true;
}

// Go base64.StdEncoding.DecodeString succeeds (padding required, CR/LF ignored).
function base64Decodes(text: string): boolean {
  const t = text.replace(/[\r\n]/g, '');
  return /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(t);
}

// Go net/mail decodeRFC2047Word with the default decoder: true when the word is a well-formed
// encoded-word whose charset Go cannot convert (the only case that makes the parse fail).
function hasUnsupportedCharset(word: string): boolean {
  // Go mime.WordDecoder.Decode
  if (new TextEncoder().encode(word).length < 8 || !word.startsWith('=?') || !word.endsWith('?=')) return false;
  if ((word.match(/\?/g) ?? []).length !== 4) return false;
  const inner = word.slice(2, -2);
  const q1 = inner.indexOf('?');
  const charset = inner.slice(0, q1);
  if (charset === '') return false;
  const rest = inner.slice(q1 + 1);
  const q2 = rest.indexOf('?');
  const encoding = rest.slice(0, q2);
  const text = rest.slice(q2 + 1);
  let decodes: boolean;
  if (encoding === 'B' || encoding === 'b') decodes = base64Decodes(text);
  else if (encoding === 'Q' || encoding === 'q') decodes = qDecodes(text);
  else return false;
  if (!decodes) return false;
  return !(charsetIs(charset, 'utf-8') || charsetIs(charset, 'iso-8859-1') || charsetIs(charset, 'us-ascii'));
}

// Go net/mail addrParser, reduced to what decides success and the address.
class AddrParser {
  constructor(public s: string) {}

  empty(): boolean {
    return this.s.length === 0;
  }

  peek(): number {
    return this.s.charCodeAt(0);
  }

  consume(c: number): boolean {
    if (this.empty() || this.peek() !== c) return false;
    this.s = this.s.slice(1);
    return true;
  }

  skipSpace(): void {
    let i = 0;
    while (i < this.s.length && isWsp(this.s.charCodeAt(i))) i++;
    this.s = this.s.slice(i);
  }

  // Go skipCFWS
  skipCfws(): boolean {
    this.skipSpace();
    while (this.consume(0x28)) {
      if (this.consumeComment() === null) return false;
      this.skipSpace();
    }
    return true;
  }

  // Go consumeComment ('(' already consumed): the comment text, or null when unbalanced.
  consumeComment(): string | null {
    let depth = 1;
    let comment = '';
    while (!this.empty() && depth !== 0) {
      if (this.peek() === 0x5c && this.s.length > 1) {
        this.s = this.s.slice(1);
      } else if (this.peek() === 0x28) {
        depth++;
      } else if (this.peek() === 0x29) {
        depth--;
      }
      if (depth > 0) comment += this.s[0]!;
      this.s = this.s.slice(1);
    }
    return depth === 0 ? comment : null;
  }

  // Go consumeDisplayNameComment (the name itself is not needed; charset errors are).
  consumeDisplayNameComment(): void {
    if (!this.consume(0x28)) fail();
    const comment = this.consumeComment();
    if (comment === null) fail();
    for (const word of (comment ?? '').split(/[ \t]+/)) {
      if (word !== '' && hasUnsupportedCharset(word)) fail();
    }
  }

  // Go consumeAtom
  consumeAtom(dot: boolean, permissive: boolean): string {
    let i = 0;
    while (i < this.s.length && isAtext(this.s.charCodeAt(i), dot, permissive)) i++;
    if (i === 0) fail();
    const atom = this.s.slice(0, i);
    this.s = this.s.slice(i);
    if (!permissive && (atom.startsWith('.') || atom.includes('..') || atom.endsWith('.'))) fail();
    return atom;
  }

  // Go consumeQuotedString (p.s starts with '"'): the unescaped content.
  consumeQuotedString(): string {
    let i = 1;
    let out = '';
    let escaped = false;
    for (;;) {
      if (i >= this.s.length) fail();
      const c = this.s.charCodeAt(i);
      if (escaped) {
        if (!isVchar(c) && !isWsp(c)) fail();
        out += this.s[i]!;
        escaped = false;
      } else if (isQtext(c) || isWsp(c)) {
        out += this.s[i]!;
      } else if (c === 0x22) {
        break;
      } else if (c === 0x5c) {
        escaped = true;
      } else {
        fail();
      }
      i++;
    }
    this.s = this.s.slice(i + 1);
    return out;
  }

  // Go consumeAddrSpec: restores the input on failure.
  tryAddrSpec(): string | null {
    const orig = this.s;
    try {
      this.skipSpace();
      if (this.empty()) fail();
      let local: string;
      if (this.peek() === 0x22) {
        local = this.consumeQuotedString();
        if (local === '') fail();
      } else {
        local = this.consumeAtom(true, false);
      }
      if (!this.consume(0x40)) fail();
      this.skipSpace();
      if (this.empty()) fail();
      const domain = this.consumeAtom(true, false);
      return local + '@' + domain;
    } catch (e) {
      if (!(e instanceof MailSyntaxError)) throw e;
      this.s = orig;
      return null;
    }
  }

  // Go consumePhrase: words until the first error; fails only when no word was read.
  consumePhrase(): string {
    const words: string[] = [];
    for (;;) {
      this.skipSpace();
      if (this.empty()) break;
      let ok = true;
      try {
        if (this.peek() === 0x22) {
          words.push(this.consumeQuotedString());
        } else {
          const word = this.consumeAtom(true, true);
          if (hasUnsupportedCharset(word))
            ok = false; // the atom stays consumed
          else words.push(word);
        }
      } catch (e) {
        if (!(e instanceof MailSyntaxError)) throw e;
        ok = false;
      }
      if (!ok) break;
    }
    if (words.length === 0) fail();
    return words.join(' ');
  }

  // Go parseAddress: the addresses of one mailbox or group.
  parseAddress(handleGroup: boolean): string[] {
    this.skipSpace();
    if (this.empty()) fail();

    const spec = this.tryAddrSpec();
    if (spec !== null) {
      this.skipSpace();
      if (!this.empty() && this.peek() === 0x28) this.consumeDisplayNameComment();
      return [spec];
    }

    if (this.peek() !== 0x3c) this.consumePhrase();
    this.skipSpace();
    if (handleGroup && this.consume(0x3a)) return this.consumeGroupList();
    if (!this.consume(0x3c)) fail();
    const inner = this.tryAddrSpec();
    if (inner === null) fail();
    if (!this.consume(0x3e)) fail();
    return [inner as string];
  }

  // Go consumeGroupList (this Go version ignores a bad comment after ';').
  consumeGroupList(): string[] {
    const group: string[] = [];
    this.skipSpace();
    if (this.consume(0x3b)) {
      this.skipCfws();
      return group;
    }
    for (;;) {
      this.skipSpace();
      group.push(...this.parseAddress(false));
      if (!this.skipCfws()) fail();
      if (this.consume(0x3b)) {
        this.skipCfws();
        break;
      }
      if (!this.consume(0x2c)) fail();
    }
    return group;
  }
}

/**
 * Go's `net/mail.ParseAddress`, returning the addr-spec (`Address.Address`) or `null` where Go
 * returns an error. Follows the Go 1.20 parser: quoted local parts are unquoted, display names
 * may hold unquoted specials, comments may give the display name, a group holding exactly one
 * address yields it, and domain literals (`a@[1.2.3.4]`) are rejected.
 *
 * @example
 * parseGoMailAddress('Name <n@x.test>') // 'n@x.test'
 * parseGoMailAddress('spiffe://t/ns')   // null
 */
export function parseGoMailAddress(s: string): string | null {
  // Every form Go accepts has an addr-spec, and every addr-spec has an '@'.
  if (!s.includes('@')) return null;
  const p = new AddrParser(s);
  try {
    // Go parseSingleAddress
    const addrs = p.parseAddress(true);
    if (!p.skipCfws()) return null;
    if (!p.empty()) return null;
    if (addrs.length !== 1) return null;
    return addrs[0] ?? null;
  } catch (e) {
    if (e instanceof MailSyntaxError) return null;
    throw e;
  }
}
