// Fuzzing the certificate parser with mutants of real certificates: Go's GoParseError or a certificate that
// every view (cfssl's parseCertificate, certinfo's JSON) reads without throwing.
import fc from 'fast-check';
import { derMutantArbitrary } from '@cfssl-ts/test-support/fuzz/der-mutant';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { goldenDerCorpus } from '@cfssl-ts/test-support/fuzz/golden-der-corpus';
import { allowingTypedErrors } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { parseCertificate } from '../cert/parse-certificate.js';
import { certificateInfoJsonOf } from '../certinfo/certificate-info.js';
import { GoParseError } from './go-parse-error.js';
import { parseGoCertificate } from './parse-go-certificate.js';

fuzzTarget({
  target: 'x509-certificate',
  arbitrary: fc.oneof(
    { weight: 9, arbitrary: derMutantArbitrary(goldenDerCorpus().certificates) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  ),
  check: (der) => {
    const cert = allowingTypedErrors([GoParseError], () => parseGoCertificate(der));
    if (!cert) return;
    parseCertificate(der);
    certificateInfoJsonOf(cert);
  },
  runs: 400,
});
