import { describe, expect, it } from 'vitest';
import { planIssuedFiles, planLayout } from './plan-layout.js';

describe('planLayout', () => {
  it('plans cfssljson -bare names: <base>.pem 0644, <base>-key.pem 0600, <base>.csr 0644, contents as given', () => {
    expect(planIssuedFiles({ base: 'server', certificatePem: 'C', csrPem: 'R', keyPem: 'K' })).toEqual([
      { path: 'server.pem', contents: 'C', mode: 0o644, kind: 'certificate' },
      { path: 'server-key.pem', contents: 'K', mode: 0o600, kind: 'private-key' },
      { path: 'server.csr', contents: 'R', mode: 0o644, kind: 'csr' },
    ]);
  });

  it('plans no key file when an existing key was used', () => {
    expect(planIssuedFiles({ base: 'ca', certificatePem: 'C', csrPem: 'R', keyPem: null }).map((f) => f.path)).toEqual(['ca.pem', 'ca.csr']);
  });

  it('writes documents first, as four-space JSON with a final newline, then the issued files in order', () => {
    const plan = planLayout([{ file: 'ca-csr.json', value: { CN: 'x', key: { algo: 'rsa', size: 2048 } } }], [
      { base: 'ca', certificatePem: 'C', csrPem: 'R', keyPem: 'K' },
    ]);
    expect(plan.map((f) => f.path)).toEqual(['ca-csr.json', 'ca.pem', 'ca-key.pem', 'ca.csr']);
    expect(plan[0]).toEqual({
      path: 'ca-csr.json',
      contents: '{\n    "CN": "x",\n    "key": {\n        "algo": "rsa",\n        "size": 2048\n    }\n}\n',
      mode: 0o644,
      kind: 'json',
    });
  });
});
