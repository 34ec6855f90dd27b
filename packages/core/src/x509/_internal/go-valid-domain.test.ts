import { describe, expect, it } from 'vitest';
import { isValidGoDomain } from './go-valid-domain.js';

// Go 1.19.8's verdicts, seen through ParseCertificate of dnsName constraints and URI SANs that use domainToReverseLabels
// (constraint "..example.com" parses, "...example.com" and ".." do not; URI host ".example.com" parses, "..example.com" not).
describe('isValidGoDomain (Go domainToReverseLabels ok)', () => {
  it.each([
    ['', true],
    ['example.com', true],
    ['.example.com', true],
    ['..example.com', false],
    ['.', false],
    ['example.com.', false],
    ['a..b', false],
    ['a b', false],
    ['a@b', true],
  ])('%j → %s', (domain, ok) => {
    expect(isValidGoDomain(domain)).toBe(ok);
  });
});
