// Fuzzing the CSR parser with mutants of real CSRs: Go's GoParseError or a request that cfssl's parseCsr view
// and certinfo's JSON read without throwing.
import fc from 'fast-check';
import { derMutantArbitrary } from '@cfssl-ts/test-support/fuzz/der-mutant';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { goldenDerCorpus } from '@cfssl-ts/test-support/fuzz/golden-der-corpus';
import { allowingTypedErrors } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { csrInfoFromPem } from '../certinfo/csr-info.js';
import { parseCsr } from '../csr/parse-csr.js';
import { encodePem } from '../pem/pem.js';
import { GoParseError } from './go-parse-error.js';
import { parseGoCertificateRequest } from './parse-go-certificate-request.js';

fuzzTarget({
  target: 'x509-certificate-request',
  arbitrary: fc.oneof(
    { weight: 9, arbitrary: derMutantArbitrary(goldenDerCorpus().requests) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  ),
  check: (der) => {
    if (!allowingTypedErrors([GoParseError], () => parseGoCertificateRequest(der))) return;
    parseCsr(der);
    csrInfoFromPem(new TextEncoder().encode(encodePem('CERTIFICATE REQUEST', der)));
  },
  runs: 400,
});
