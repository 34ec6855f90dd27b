// Fuzzing CSR building against the CSR parser: every request buildCsr signs parses back (Go's rules) with the
// same subject, SANs and CA request.
import fc from 'fast-check';
import { expect } from 'vitest';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { distinguishedNameArbitrary, sortedName } from '@cfssl-ts/test-support/fuzz/name-arbitrary';
import { ipToSanBytes } from '../go/parse-ip.js';
import { generateKeyPair } from '../keys/generate-key-pair.js';
import { createSigner } from '../keys/signer.js';
import { buildCsr } from './build-csr.js';
import { parseCsr } from './parse-csr.js';

const key = await generateKeyPair({ algo: 'ecdsa', size: 256 });
const signer = createSigner(key);
const ascii = fc.string({ unit: 'binary-ascii', maxLength: 20 });

fuzzTarget({
  target: 'csr-round-trip',
  arbitrary: fc.record({
    subject: distinguishedNameArbitrary,
    sans: fc.record({
      dnsNames: fc.array(fc.oneof(fc.domain(), ascii), { maxLength: 3 }),
      emailAddresses: fc.array(fc.oneof(fc.emailAddress(), ascii), { maxLength: 2 }),
      ipAddresses: fc.array(fc.oneof(fc.uint8Array({ minLength: 4, maxLength: 4 }), fc.uint8Array({ minLength: 16, maxLength: 16 })), {
        maxLength: 3,
      }),
      // Without an empty fragment or query: Go's url.String() drops a bare "#" or "?", so those do not come back as written.
      uris: fc.array(fc.webUrl(), { maxLength: 2 }),
    }),
    ca: fc.option(
      fc.record({ pathlen: fc.nat({ max: 10 }), pathlenzero: fc.boolean(), expiry: fc.constant(''), backdate: fc.constant('') }),
    ),
  }),
  check: async ({ subject, sans, ca }) => {
    const der = await buildCsr({ subject, sans, ca, delegationEnabled: false, extensions: [] }, key.spki, signer);
    const csr = parseCsr(der);
    expect(sortedName(csr.subject.name)).toEqual(sortedName(subject));
    expect({ ...csr.sans, ipAddresses: csr.sans.ipAddresses.map(ipToSanBytes) }).toEqual({
      ...sans,
      ipAddresses: sans.ipAddresses.map(ipToSanBytes),
    });
    expect(csr.extensions.some((e) => e.oid === '2.5.29.19')).toBe(ca !== null);
  },
  runs: 150,
});
