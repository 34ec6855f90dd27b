import { describe, expect, it } from 'vitest';
import { parseGoMailbox } from './go-rfc2821-mailbox.js';

// Go 1.19.8's verdicts: ParseCertificate of a CA whose PermittedEmailAddresses holds the text (parseRFC2821Mailbox
// decides, "x509: failed to parse rfc822Name constraint" when it fails).
describe('parseGoMailbox (Go parseRFC2821Mailbox)', () => {
  it.each([
    ['user@example.com', { local: 'user', domain: 'example.com' }],
    ['"a b"@example.com', { local: 'a b', domain: 'example.com' }],
    ['a\\ b@example.com', { local: 'a b', domain: 'example.com' }],
    ['"a\\"b"@example.com', { local: 'a"b', domain: 'example.com' }],
    ['a+tag@example.com', { local: 'a+tag', domain: 'example.com' }],
    ['a@b@c', { local: 'a', domain: 'b@c' }],
    ['user@', { local: 'user', domain: '' }],
    ['a@.example.com', { local: 'a', domain: '.example.com' }],
  ])('accepts %j', (text, mailbox) => {
    expect(parseGoMailbox(text)).toEqual(mailbox);
  });

  it.each([
    'a b@example.com',
    'a..b@example.com',
    '.a@example.com',
    'a.@example.com',
    '@example.com',
    '"unterminated@example.com',
    'a(b)@example.com',
    'user@example.com.',
  ])('refuses %j', (text) => {
    expect(parseGoMailbox(text)).toBeNull();
  });
});
