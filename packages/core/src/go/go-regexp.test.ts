import { describe, it, expect } from 'vitest';
import { compileGoRegexp, GoRegexpError } from './go-regexp.js';

const matches = (pattern: string, s: string): boolean => compileGoRegexp(pattern).test(s);

function goError(pattern: string): GoRegexpError {
  try {
    compileGoRegexp(pattern);
  } catch (e) {
    if (e instanceof GoRegexpError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(pattern)} to be rejected`);
}

describe('compileGoRegexp: whitelist patterns (unanchored search, like Go MatchString/Find)', () => {
  it('matches cfssl testdata/good_config.json "^.*\\.cloudflare.com$"', () => {
    expect(matches('^.*\\.cloudflare.com$', 'www.cloudflare.com')).toBe(true);
    expect(matches('^.*\\.cloudflare.com$', 'cloudflare.com')).toBe(false);
    expect(matches('^.*\\.cloudflare.com$', 'www.cloudflare.com.evil')).toBe(false);
  });

  it('matches cfssl local_test.go TestNameWhitelistSign "^1[a-z]*[0-9]*\\.cf$"', () => {
    const re = compileGoRegexp('^1[a-z]*[0-9]*\\.cf$');
    expect(re.test('1machine23.cf')).toBe(true);
    expect(re.test('1lab41.cf')).toBe(true);
    expect(re.test('invalid.cf')).toBe(false);
    expect(re.test('localhost.com')).toBe(false);
  });

  it('searches anywhere when unanchored', () => {
    expect(matches('\\.contoso\\.dev$', 'api.contoso.dev')).toBe(true);
    expect(matches('\\.contoso\\.dev$', 'contoso.dev')).toBe(false);
    expect(matches('contoso', 'www.contoso.dev.example')).toBe(true);
    expect(matches('.*', '')).toBe(true);
    expect(matches('', 'anything')).toBe(true);
  });

  it('handles alternation with anchors', () => {
    const re = compileGoRegexp('^(www|api)\\.example\\.com$');
    expect(re.test('www.example.com')).toBe(true);
    expect(re.test('api.example.com')).toBe(true);
    expect(re.test('mail.example.com')).toBe(false);
    expect(re.test('www.example.com.au')).toBe(false);
  });
});

describe('compileGoRegexp: Go semantics that differ from JavaScript', () => {
  it('anchors $ at the end of text only, not before a final newline (Go: like \\z)', () => {
    expect(matches('a$', 'a\n')).toBe(false);
    expect(matches('a$', 'a')).toBe(true);
  });

  it('lets . match everything but \\n, including \\r and U+2028; (?s) adds \\n', () => {
    expect(matches('^a.b$', 'a\rb')).toBe(true);
    expect(matches('^a.b$', 'a\u2028b')).toBe(true);
    expect(matches('^a.b$', 'a\nb')).toBe(false);
    expect(matches('(?s)^a.b$', 'a\nb')).toBe(true);
    expect(matches('^a.b$', 'a😀b')).toBe(true); // one rune
  });

  it('keeps \\d, \\s and \\w ASCII-only (Go: \\s == [\\t\\n\\f\\r ], \\w == [0-9A-Za-z_])', () => {
    expect(matches('^\\s$', '\u00a0')).toBe(false);
    expect(matches('^\\s$', '\v')).toBe(false);
    expect(matches('^\\s$', '\f')).toBe(true);
    expect(matches('^\\w$', 'é')).toBe(false);
    expect(matches('^\\d$', '٣')).toBe(false);
    expect(matches('^\\S$', '\u00a0')).toBe(true);
  });

  it('translates \\A and \\z', () => {
    expect(matches('\\Aab', 'xab')).toBe(false);
    expect(matches('\\Aab', 'abx')).toBe(true);
    expect(matches('ab\\z', 'ab\n')).toBe(false);
    expect(matches('ab\\z', 'xab')).toBe(true);
  });

  it('applies (?m) line anchors at \\n only', () => {
    expect(matches('(?m)^b$', 'a\nb\nc')).toBe(true);
    expect(matches('^b$', 'a\nb\nc')).toBe(false);
    expect(matches('(?m)^b$', 'a\rb\rc')).toBe(false);
  });

  it('applies (?i) at the start and in the middle', () => {
    expect(matches('(?i)^www\\.example\\.com$', 'WWW.Example.COM')).toBe(true);
    expect(matches('^(?i)www\\.example\\.com$', 'WWW.example.com')).toBe(true);
    const mixed = compileGoRegexp('^a(?i)bc$');
    expect(mixed.test('aBC')).toBe(true);
    expect(mixed.test('ABC')).toBe(false);
    const grouped = compileGoRegexp('^(?i:www)\\.Example$');
    expect(grouped.test('WwW.Example')).toBe(true);
    expect(grouped.test('www.example')).toBe(false);
    expect(matches('^(?i)a(?-i)b$', 'Ab')).toBe(true);
    expect(matches('^(?i)a(?-i)b$', 'AB')).toBe(false);
  });

  it('folds case like Go SimpleFold: k matches the Kelvin sign, s matches long s', () => {
    expect(matches('(?i)^k$', '\u212a')).toBe(true);
    expect(matches('^x(?i)k$', 'x\u212a')).toBe(true);
    expect(matches('^x(?i)s$', 'x\u017f')).toBe(true);
    expect(matches('(?i)^[^k]$', 'K')).toBe(false);
    // Go folds \w before negating \W, so (?i)\W excludes the Kelvin sign.
    expect(matches('(?i)^\\W$', '\u212a')).toBe(false);
    expect(matches('^\\W$', '\u212a')).toBe(true);
  });

  it('makes repetitions lazy under (?U) and greedy again with ?', () => {
    expect(compileGoRegexp('(?U)a+').exec('aaa')?.[0]).toBe('a');
    expect(compileGoRegexp('(?U)a+?').exec('aaa')?.[0]).toBe('aaa');
    expect(compileGoRegexp('a+?').exec('aaa')?.[0]).toBe('a');
  });

  it('accepts (?P<name>...) groups', () => {
    const m = compileGoRegexp('^(?P<host>[a-z]+)\\.(?P<host>dev)$').exec('api.dev');
    expect(m?.[1]).toBe('api');
    expect(m?.[2]).toBe('dev');
  });

  it('supports POSIX classes inside brackets, negated too', () => {
    expect(matches('^[[:alpha:]]+$', 'abcXYZ')).toBe(true);
    expect(matches('^[[:alpha:]]+$', 'abc1')).toBe(false);
    expect(matches('^[[:^digit:]]$', 'x')).toBe(true);
    expect(matches('^[[:^digit:]]$', '7')).toBe(false);
    expect(matches('^[[:space:]]$', '\v')).toBe(true);
    expect(matches('^[[:xdigit:]-]+$', 'dead-BEEF')).toBe(true);
    expect(matches('^[^[:alnum:]_]$', '_')).toBe(false);
  });

  it('quotes \\Q...\\E literally', () => {
    expect(matches('^\\Qa.b*c\\E$', 'a.b*c')).toBe(true);
    expect(matches('^\\Qa.b*c\\E$', 'axbbc')).toBe(false);
    expect(matches('^\\Qab', 'ab')).toBe(true); // unterminated \Q runs to the end
    expect(matches('^\\Qab\\E+$', 'abbb')).toBe(true); // the + applies to the last rune
  });

  it('supports Unicode classes, with Go names only', () => {
    expect(matches('^\\pL+$', 'héllo')).toBe(true);
    expect(matches('^\\p{Greek}$', 'λ')).toBe(true);
    expect(matches('^\\P{Greek}$', 'λ')).toBe(false);
    expect(matches('^\\p{^Greek}$', 'a')).toBe(true);
    expect(matches('^\\p{Any}$', '\n')).toBe(true);
    expect(matches('^[\\p{Lu}\\d]+$', 'AB12')).toBe(true);
    // Go's \p{C} is Cc|Cf|Co|Cs: an unassigned code point is not in it.
    expect(matches('^\\p{C}$', '\u0378')).toBe(false);
    expect(matches('^\\p{C}$', '\u0007')).toBe(true);
    expect(goError('\\p{Latn}').message).toBe('error parsing regexp: invalid character class range: `\\p{Latn}`');
    expect(goError('\\p{Letter}').message).toBe('error parsing regexp: invalid character class range: `\\p{Letter}`');
  });

  it('folds \\P{...} under (?i) before negating, as Go does', () => {
    // Go: (?i)\P{Lu} excludes every letter that has an upper-case form.
    expect(matches('(?i)^\\P{Lu}$', 'a')).toBe(false);
    expect(matches('(?i)^\\P{Lu}$', 'A')).toBe(false);
    expect(matches('(?i)^\\P{Lu}$', '1')).toBe(true);
    expect(matches('^\\P{Lu}$', 'a')).toBe(true);
    // Go unicode.FoldScript["Greek"] adds the micro sign U+00B5 to \p{Greek} under (?i).
    expect(matches('(?i)^[^\\p{Greek}]$', '\u00b5')).toBe(false);
    expect(matches('^[^\\p{Greek}]$', '\u00b5')).toBe(true);
  });

  it('folds Unicode classes in a partly case-insensitive pattern', () => {
    expect(matches('^x(?i)\\p{Lu}$', 'xa')).toBe(true);
    expect(matches('^x(?i)\\p{Lu}$', 'x1')).toBe(false);
    expect(matches('^x(?i)\\P{Lu}$', 'xa')).toBe(false);
    expect(matches('^x(?i)[^\\p{Greek}]$', 'x\u00b5')).toBe(false);
    expect(matches('^x(?i)[^\\p{Greek}]$', 'xa')).toBe(true);
    expect(matches('^x(?i)[^\\p{Greek}]$', 'Xa')).toBe(false);
  });

  it('reads Go escapes: octal, \\x, \\x{...}, C escapes and escaped punctuation', () => {
    expect(matches('^\\101\\x42\\x{43}\\x{1F600}$', 'ABC😀')).toBe(true);
    expect(matches('^\\0$', '\0')).toBe(true);
    expect(matches('^\\a\\f\\t\\n\\r\\v$', '\x07\f\t\n\r\v')).toBe(true);
    expect(matches('^\\_\\-\\ \\#\\<$', '_- #<')).toBe(true);
  });

  it('treats braces that are not a repetition as literals', () => {
    expect(matches('^a{,3}$', 'a{,3}')).toBe(true);
    expect(matches('^a{01}$', 'a{01}')).toBe(true);
    expect(matches('^a{2$', 'a{2')).toBe(true);
    expect(matches('^x}$', 'x}')).toBe(true);
    expect(matches('^a{2}$', 'aa')).toBe(true);
    expect(matches('^a{2,}$', 'aaaa')).toBe(true);
    expect(matches('^a{1,2}$', 'aaa')).toBe(false);
  });

  it('accepts class edge cases Go allows', () => {
    expect(matches('^[]a]+$', ']a')).toBe(true);
    expect(matches('^[^]a]$', 'b')).toBe(true);
    expect(matches('^[a-]+$', 'a-')).toBe(true);
    expect(matches('^[a-b-c]+$', 'ab-c')).toBe(true);
    expect(matches('^[[]$', '[')).toBe(true);
  });

  it('accepts repetition of an empty-width assertion, which JavaScript alone rejects', () => {
    expect(matches('^*a', 'a')).toBe(true);
    expect(matches('\\b+a', 'a')).toBe(true);
  });
});

describe('compileGoRegexp: patterns Go accepts (Go regexp tests)', () => {
  // Go regexp/all_test.go goodRe and regexp/syntax/parse_test.go onlyPerl.
  it.each([
    '',
    '.',
    '^.$',
    'a',
    'a*',
    'a+',
    'a?',
    'a|b',
    'a*|b*',
    '(a*|b)(c*|d)',
    '[a-z]',
    '[a-abc-c\\-\\]\\[]',
    '[a-z]+',
    '[abc]',
    '[^1234]',
    '[^\\n]',
    '\\!\\\\',
    '[a-b-c]',
    '\\Qabc\\E',
    '\\Q*+?{[\\E',
    '\\Q\\\\E',
    '\\Q\\\\\\E',
    '\\Q\\\\\\\\E',
    '\\Q\\\\\\\\\\E',
    '(?:a)',
    '(?P<name>a)',
  ])('compiles %j', (pattern) => {
    expect(compileGoRegexp(pattern)).toBeInstanceOf(RegExp);
  });
});

describe('compileGoRegexp: patterns Go rejects', () => {
  // Go regexp/all_test.go badRe, with Go's messages.
  it.each<[string, string]>([
    ['*', 'missing argument to repetition operator: `*`'],
    ['+', 'missing argument to repetition operator: `+`'],
    ['?', 'missing argument to repetition operator: `?`'],
    ['(abc', 'missing closing ): `(abc`'],
    ['abc)', 'unexpected ): `abc)`'],
    ['x[a-z', 'missing closing ]: `[a-z`'],
    ['[z-a]', 'invalid character class range: `z-a`'],
    ['abc\\', 'trailing backslash at end of expression: ``'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['a*+', 'invalid nested repetition operator: `*+`'],
    ['\\x', 'invalid escape sequence: `\\x`'],
  ])('rejects %j with "%s"', (pattern, message) => {
    const err = goError(pattern);
    expect(err.message).toBe(`error parsing regexp: ${message}`);
    expect(err.unsupported).toBe(false);
  });

  // Go regexp/syntax/parse_test.go invalidRegexps (Go 1.19–1.21 list; invalid UTF-8 rows cannot occur in JS strings).
  it.each([
    '(',
    ')',
    '(a',
    'a)',
    '(a))',
    '(a|b|',
    'a|b|)',
    '(a|b|))',
    '(a|b',
    'a|b)',
    '(a|b))',
    '[a-z',
    '([a-z)',
    '[a-z)',
    '([a-z]))',
    'x{1001}',
    'x{9876543210}',
    'x{2,1}',
    'x{1,9876543210}',
    '(?P<name>a',
    '(?P<name>',
    '(?P<name',
    '(?P<x y>a)',
    '(?P<>a)',
    '[a-Z]',
    '(?i)[a-Z]',
    'a{100000}',
    'a{100000,}',
    '((((((((((x{2}){2}){2}){2}){2}){2}){2}){2}){2}){2})',
    '\\Q\\E*',
    '('.repeat(1000) + ')'.repeat(1000),
    '(?:'.repeat(1000) + ')*'.repeat(1000),
    '(' + '(xx?)'.repeat(1000) + '){1000}',
    '(xx?){1000}'.repeat(1000),
  ])('rejects %j', (pattern) => {
    expect(() => compileGoRegexp(pattern)).toThrow(GoRegexpError);
  });

  it('reports nesting and size limits with Go error codes', () => {
    expect(goError('('.repeat(1000) + ')'.repeat(1000)).code).toBe('expression nests too deeply');
    expect(goError('(xx?){1000}'.repeat(1000)).code).toBe('expression too large');
    expect(compileGoRegexp('('.repeat(999) + ')'.repeat(999))).toBeInstanceOf(RegExp);
  });

  it.each<[string, string]>([
    // RE2 has no backreferences, lookarounds, atomic groups or possessive quantifiers.
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
    ['(?=a)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?!a)', 'invalid or unsupported Perl syntax: `(?!`'],
    ['(?<=a)b', 'invalid or unsupported Perl syntax: `(?<`'],
    ['(?<!a)b', 'invalid or unsupported Perl syntax: `(?<`'],
    ['(?<name>a)', 'invalid or unsupported Perl syntax: `(?<`'],
    ['(?>a)', 'invalid or unsupported Perl syntax: `(?>`'],
    ['a++', 'invalid nested repetition operator: `++`'],
    ['a*?*', 'invalid nested repetition operator: `*?*`'],
    ['a{2}{3}', 'invalid nested repetition operator: `{2}{3}`'],
    ['(|*)', 'missing argument to repetition operator: `*`'],
    ['(?i)*', 'missing argument to repetition operator: `*`'],
    ['\\q', 'invalid escape sequence: `\\q`'],
    ['\\8', 'invalid escape sequence: `\\8`'],
    ['\\C', 'invalid escape sequence: `\\C`'],
    ['\\Z', 'invalid escape sequence: `\\Z`'],
    ['[\\b]', 'invalid escape sequence: `\\b`'],
    ['[a-\\d]', 'invalid escape sequence: `\\d`'],
    ['\\x{110000}', 'invalid escape sequence: `\\x{110000`'],
    ['\\xZ1', 'invalid escape sequence: `\\xZ1`'],
    ['(?', 'invalid or unsupported Perl syntax: `(?`'],
    ['(?i', 'invalid or unsupported Perl syntax: `(?i`'],
    ['(?i-)', 'invalid or unsupported Perl syntax: `(?i-)`'],
    ['(?P=n)', 'invalid or unsupported Perl syntax: `(?P`'],
    ['(?P<n!>a)', 'invalid named capture: `(?P<n!>`'],
    ['[[:foo:]]', 'invalid character class range: `[:foo:]`'],
    ['[[:alpha:]', 'missing closing ]: `[[:alpha:]`'],
    ['\\pX', 'invalid character class range: `\\pX`'],
    ['\\p{Greek', 'invalid character class range: `\\p{Greek`'],
    ['a{2,1}', 'invalid repeat count: `{2,1}`'],
    ['(a{500}){3}', 'invalid repeat count: `{3}`'],
  ])('rejects %j with "%s"', (pattern, message) => {
    expect(goError(pattern).message).toBe(`error parsing regexp: ${message}`);
  });

  it('exposes the Go error code and expression', () => {
    const err = goError('a(b');
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('GoRegexpError');
    expect(err.code).toBe('missing closing )');
    expect(err.expr).toBe('a(b');
  });
});
