// Fuzzing the SubjectPublicKeyInfo reader with mutants of the golden certificates' keys: key facts or a CfsslError.
import { derMutantArbitrary } from '@cfssl-ts/test-support/fuzz/der-mutant';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { goldenDerCorpus } from '@cfssl-ts/test-support/fuzz/golden-der-corpus';
import { allowingTypedErrors } from '@cfssl-ts/test-support/fuzz/typed-errors';
import { CfsslError } from '../errors/cfssl-error.js';
import { parseGoCertificate } from '../x509/parse-go-certificate.js';
import { parseSpki } from './public-key.js';

const spkis = goldenDerCorpus().certificates.map((c) => parseGoCertificate(c).rawSubjectPublicKeyInfo);

fuzzTarget({
  target: 'public-key-parse',
  arbitrary: derMutantArbitrary(spkis),
  check: (spki) => {
    allowingTypedErrors([CfsslError], () => parseSpki(spki));
  },
  runs: 300,
});
