import { describe, it, expect } from 'vitest';
import { parseGoMailAddress } from './parse-mail-address.js';

describe('parseGoMailAddress', () => {
  // Go net/mail message_test.go TestAddressParsing (single-address rows, Go 1.20–1.22 table).
  it.each<[string, string]>([
    ['jdoe@machine.example', 'jdoe@machine.example'],
    ['John Doe <jdoe@machine.example>', 'jdoe@machine.example'],
    ['"Joe Q. Public" <john.q.public@example.com>', 'john.q.public@example.com'],
    ['"John (middle) Doe" <jdoe@machine.example>', 'jdoe@machine.example'],
    ['John (middle) Doe <jdoe@machine.example>', 'jdoe@machine.example'],
    ['John !@M@! Doe <jdoe@machine.example>', 'jdoe@machine.example'],
    ['"John <middle> Doe" <jdoe@machine.example>', 'jdoe@machine.example'],
    ['Joe Q. Public <john.q.public@example.com>', 'john.q.public@example.com'],
    ['group1: groupaddr1@example.com;', 'groupaddr1@example.com'],
    ['=?iso-8859-1?q?J=F6rg_Doe?= <joerg@example.com>', 'joerg@example.com'],
    ['=?us-ascii?q?J=6Frg_Doe?= <joerg@example.com>', 'joerg@example.com'],
    ['=?utf-8?q?J=C3=B6rg_Doe?= <joerg@example.com>', 'joerg@example.com'],
    ['=?utf-8?q?J=C3=B6rg?=  =?utf-8?q?Doe?= <joerg@example.com>', 'joerg@example.com'],
    ['=?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>', 'PIRARD@vm1.ulg.ac.be'],
    ['=?ISO-8859-1?B?SvZyZw==?= <joerg@example.com>', 'joerg@example.com'],
    ['=?UTF-8?B?SsO2cmc=?= <joerg@example.com>', 'joerg@example.com'],
    ['Asem H. <noreply@example.com>', 'noreply@example.com'],
    ['"Gø Pher" <gopher@example.com>', 'gopher@example.com'],
    ['µ <micro@example.com>', 'micro@example.com'],
    ['Micro <µ@example.com>', 'µ@example.com'],
    ['Micro <micro@µ.example.com>', 'micro@µ.example.com'],
    ['"" <emptystring@example.com>', 'emptystring@example.com'],
    ['<cfws@example.com> (CFWS (cfws))  (another comment)', 'cfws@example.com'],
    ['john@example.com (John Doe)', 'john@example.com'],
    ['John Doe <john@example.com> (Joey)', 'john@example.com'],
    ['john@example.com(John Doe)', 'john@example.com'],
    ['asjo@example.com (Adam =?utf-8?Q?Sj=C3=B8gren?=)', 'asjo@example.com'],
    ['asjo@example.com (Adam\t=?utf-8?Q?Sj=C3=B8gren?=)', 'asjo@example.com'],
    ['asjo@example.com (Adam =?utf-8?Q?Sj=C3=B8gren?= (Debian))', 'asjo@example.com'],
  ])('parses %j', (input, want) => {
    expect(parseGoMailAddress(input)).toBe(want);
  });

  // Go net/mail message_test.go TestAddressParsingError (rows expressible as valid UTF-16).
  it.each([
    '=?iso-8859-2?Q?Bogl=E1rka_Tak=E1cs?= <unknown@gmail.com>', // charset not supported
    'a@gmail.com b@gmail.com', // expected single address
    '"\x00" <null@example.net>', // bad character in quoted-string
    '"\\\x00" <escaped-null@example.net>', // bad character in quoted-string
    'John Doe', // no angle-addr
    '<jdoe#machine.example>', // missing @ in addr-spec
    'John <middle> Doe <jdoe@machine.example>', // missing @ in addr-spec
    'cfws@example.com (', // misformatted parenthetical comment
    'empty group: ;', // empty group
    'root group: embed group: null@example.com;', // no angle-addr
    'group not closed: null@example.com', // expected comma
    'group: first@example.com, second@example.com;', // group with multiple addresses
    'john.doe', // missing '@' or angle-addr
    'john.doe@', // no angle-addr
    'John Doe@foo.bar', // no angle-addr
    '', // TestEmptyAddress
  ])('rejects %j', (input) => {
    expect(parseGoMailAddress(input)).toBeNull();
  });

  // Go net/mail message_test.go TestAddressParsingAndFormatting: "should pass" inputs.
  it.each<[string, string]>([
    ['<Bob@example.com>', 'Bob@example.com'],
    ['<bob.bob@example.com>', 'bob.bob@example.com'],
    ['<".bob"@example.com>', '.bob@example.com'],
    ['<" "@example.com>', ' @example.com'],
    ['<some.mail-with-dash@example.com>', 'some.mail-with-dash@example.com'],
    ['<"dot.and space"@example.com>', 'dot.and space@example.com'],
    ['<"very.unusual.@.unusual.com"@example.com>', 'very.unusual.@.unusual.com@example.com'],
    ['<admin@mailserver1>', 'admin@mailserver1'],
    ['<postmaster@localhost>', 'postmaster@localhost'],
    ["<#!$%&'*+-/=?^_`{}|~@example.org>", "#!$%&'*+-/=?^_`{}|~@example.org"],
    [
      String.raw`<"very.(),:;<>[]\".VERY.\"very@\\ \"very\".unusual"@strange.example.com>`,
      String.raw`very.(),:;<>[]".VERY."very@\ "very".unusual@strange.example.com`,
    ],
    [String.raw`<"()<>[]:,;@\\\"!#$%&'*+-/=?^_{}| ~.a"@example.org>`, String.raw`()<>[]:,;@\"!#$%&'*+-/=?^_{}| ~.a@example.org`],
    [String.raw`<"Abc\\@def"@example.com>`, String.raw`Abc\@def@example.com`],
    [String.raw`<"Joe\\Blow"@example.com>`, String.raw`Joe\Blow@example.com`],
    ['<test1/test2=test3@example.com>', 'test1/test2=test3@example.com'],
    ['<def!xyz%abc@example.com>', 'def!xyz%abc@example.com'],
    ['<_somename@example.com>', '_somename@example.com'],
    ['<joe@uk>', 'joe@uk'],
    ['<~@example.com>', '~@example.com'],
    ['<"..."@test.com>', '...@test.com'],
    ['<"john..doe"@example.com>', 'john..doe@example.com'],
    ['<"john.doe."@example.com>', 'john.doe.@example.com'],
    ['<".john.doe"@example.com>', '.john.doe@example.com'],
    ['<"."@example.com>', '.@example.com'],
    ['<".."@example.com>', '..@example.com'],
    ['<"0:"@0>', '0:@0'],
  ])('parses the round-trip input %j', (input, want) => {
    expect(parseGoMailAddress(input)).toBe(want);
  });

  // Go net/mail message_test.go TestAddressParsingAndFormatting: "should fail" inputs.
  it.each([
    '<Abc.example.com>',
    '<A@b@c@example.com>',
    String.raw`<a"b(c)d,e:f;g<h>i[j\k]l@example.com>`,
    '<just"not"right@example.com>',
    String.raw`<this is"not\allowed@example.com>`,
    String.raw`<this\ still\"not\\allowed@example.com>`,
    '<john..doe@example.com>',
    '<john.doe@example..com>',
    '<john.doe.@example.com>',
    '<john.doe.@.example.com>',
    '<.john.doe@example.com>',
    '<@example.com>',
    '<.@example.com>',
    '<test@.>',
    '< @example.com>',
    '<""test""blah""@example.com>',
    '<""@0>',
  ])('rejects the malformed input %j', (input) => {
    expect(parseGoMailAddress(input)).toBeNull();
  });

  describe('things people put in cfssl hosts', () => {
    it('accepts plain and named addresses (reference §4.4)', () => {
      expect(parseGoMailAddress('a@b')).toBe('a@b');
      expect(parseGoMailAddress('Name <n@x.test>')).toBe('n@x.test');
      expect(parseGoMailAddress('admin@example.com')).toBe('admin@example.com');
    });

    it.each([
      'example.com',
      '*.example.com',
      'localhost',
      '127.0.0.1',
      '::1',
      'https://x/p',
      'https://example.com/path',
      'spiffe://t/ns',
      'urn:foo',
      '/abs/path',
      'host:443',
      'localhost:8080',
      ' ',
    ])('rejects %j', (input) => {
      expect(parseGoMailAddress(input)).toBeNull();
    });
  });
});
