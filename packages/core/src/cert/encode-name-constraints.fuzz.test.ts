// Fuzzing the nameConstraints writer: whatever constraints resolveNameConstraints accepts, Go's parser (x509/)
// reads back from the bytes written, with every list in order and IP addresses masked.
import fc from 'fast-check';
import { expect } from 'vitest';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { parseGoNameConstraints } from '../x509/_internal/go-name-constraints.js';
import { encodeNameConstraints } from './encode-name-constraints.js';
import { hasNameConstraints } from './name-constraints.js';
import { resolveNameConstraints } from './resolve-name-constraints.js';

const label = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const domain = fc
  .tuple(fc.boolean(), fc.array(label, { minLength: 1, maxLength: 4 }))
  .map(([dot, ls]) => `${dot ? '.' : ''}${ls.join('.')}`);
const email = fc.oneof(
  domain,
  fc.tuple(label, fc.array(label, { minLength: 1, maxLength: 3 })).map(([l, d]) => `${l}@${d.join('.')}`),
);
const cidr = fc.oneof(
  fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([ip, n]) => `${ip}/${n}`),
  fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([ip, n]) => `${ip}/${n}`),
);
const list = <T>(a: fc.Arbitrary<T>) => fc.option(fc.array(a, { maxLength: 5 }), { nil: null });

fuzzTarget({
  target: 'name-constraints-round-trip',
  arbitrary: fc.record({
    PermittedDNSDomains: list(domain),
    ExcludedDNSDomains: list(domain),
    PermittedIPRanges: list(cidr),
    ExcludedIPRanges: list(cidr),
    PermittedEmailAddresses: list(email),
    ExcludedEmailAddresses: list(email),
    PermittedURIDomains: list(domain),
    ExcludedURIDomains: list(domain),
    Critical: fc.boolean(),
  }),
  check: (decoded) => {
    const { constraints, problems } = resolveNameConstraints(decoded, 'name_constraints');
    // fast-check's addresses all parse; refused are only all-digit URI domains (read as IPv4) and IPv4-mapped ranges.
    if (constraints === null) {
      expect(problems.every((p) => /URI domain|IPv4-mapped/.test(p.message))).toBe(true);
      return;
    }
    if (!hasNameConstraints(constraints)) return;
    const { set, unhandled } = parseGoNameConstraints(encodeNameConstraints(constraints));
    const { critical: _critical, ...expected } = constraints;
    expect(unhandled).toBe(false);
    expect(set).toEqual(expected);
  },
  runs: 300,
});
