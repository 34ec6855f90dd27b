// Fuzzing Go's url.ParseRequestURI as cfssl's host classification uses it: a URI or null, never an exception.
import fc from 'fast-check';
import { fuzzTarget } from '@cfssl-ts/test-support/fuzz/fuzz-target';
import { parseGoRequestUri } from './parse-request-uri.js';

fuzzTarget({
  target: 'request-uri-parse',
  arbitrary: fc.oneof(
    fc.string({
      unit: fc.constantFrom(...Array.from("ab1:/?#[]@%!$&'()*+,;= .-_~"), '%zz', '%41', '//', 'http:', '[::1]', 'é'),
      maxLength: 40,
    }),
    fc.webUrl({ withFragments: true, withQueryParameters: true }),
    fc.string({ maxLength: 30 }),
  ),
  check: (text) => {
    parseGoRequestUri(text);
  },
  runs: 500,
});
