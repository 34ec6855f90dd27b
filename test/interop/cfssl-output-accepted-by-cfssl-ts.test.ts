// Interop, cfssl -> cfssl-ts: what real cfssl 1.2 writes (CA certificate and PKCS#1 / SEC1 key, CSRs,
// JSON) is read by cfssl-ts and cfssljson-ts, and every chain passes openssl verify -x509_strict with
// the right purpose. Judges missing: skipped locally, failed under CI.
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CaAlgo, writeInteropInputs } from './interop-inputs.js';
import { judge, judgesInstalled, opensslPublicKey, opensslVerify, ours, outputOf, readText, saveOutput, workDir } from './judges.js';

const installed = judgesInstalled();

describe.skipIf(!installed).each(['rsa', 'ecdsa'] as CaAlgo[])('a cfssl 1.2 %s CA, used by cfssl-ts', (algo) => {
  let dir = '';
  let caJson = '';

  beforeAll(() => {
    dir = workDir(`cfssl-ca-${algo}`);
    writeInteropInputs(dir, algo, 'cfssl');
    const r = judge('cfssl', ['gencert', '-initca', 'ca-csr.json'], dir);
    caJson = r.stdout;
    saveOutput(dir, 'ca', outputOf(r, 'cfssl gencert -initca'));
  });

  it("baseline: cfssl 1.2's own leaf passes openssl verify -x509_strict", () => {
    saveOutput(
      dir,
      'baseline',
      outputOf(
        judge(
          'cfssl',
          ['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-profile', 'server', 'server-csr.json'],
          dir,
        ),
        'cfssl gencert',
      ),
    );
    expect(opensslVerify(dir, { ca: 'ca.pem', cert: 'baseline.pem', purpose: 'sslserver' })).toBe('baseline.pem: OK');
  });

  it('cfssl-ts gencert -ca with the cfssl CA and key issues a server certificate that openssl verifies (sslserver)', () => {
    const out = outputOf(
      ours(
        'cfssl-ts',
        ['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-profile', 'server', 'server-csr.json'],
        dir,
      ),
      'cfssl-ts gencert -ca',
    );
    saveOutput(dir, 'server-by-ts', out);
    expect(opensslVerify(dir, { ca: 'ca.pem', cert: 'server-by-ts.pem', purpose: 'sslserver' })).toBe('server-by-ts.pem: OK');
    expect(opensslVerify(dir, { ca: 'ca.pem', cert: 'server-by-ts.pem', purpose: 'sslclient' })).toMatch(/unsuitable certificate purpose/);
  });

  it('cfssl-ts gencert -ca with the cfssl CA and key issues a client certificate that openssl verifies (sslclient)', () => {
    const out = outputOf(
      ours(
        'cfssl-ts',
        ['gencert', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-profile', 'client', 'client-csr.json'],
        dir,
      ),
      'cfssl-ts gencert -ca',
    );
    saveOutput(dir, 'client-by-ts', out);
    expect(opensslVerify(dir, { ca: 'ca.pem', cert: 'client-by-ts.pem', purpose: 'sslclient' })).toBe('client-by-ts.pem: OK');
    expect(opensslVerify(dir, { ca: 'ca.pem', cert: 'client-by-ts.pem', purpose: 'sslserver' })).toMatch(/unsuitable certificate purpose/);
  });

  it('cfssl-ts sign accepts a cfssl CSR: the certificate carries its key, and verifies', () => {
    saveOutput(dir, 'leaf-cfssl', outputOf(judge('cfssl', ['genkey', 'server-csr.json'], dir), 'cfssl genkey'));
    const signed = outputOf(
      ours(
        'cfssl-ts',
        ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-profile', 'server', 'leaf-cfssl.csr'],
        dir,
      ),
      'cfssl-ts sign',
    );
    expect(signed.csr).toBe(readText(dir, 'leaf-cfssl.csr'));
    saveOutput(dir, 'leaf-cfssl-signed-by-ts', { cert: signed.cert! });
    expect(opensslPublicKey(dir, 'leaf-cfssl-signed-by-ts.pem', 'x509')).toBe(opensslPublicKey(dir, 'leaf-cfssl.csr', 'req'));
    expect(opensslVerify(dir, { ca: 'ca.pem', cert: 'leaf-cfssl-signed-by-ts.pem', purpose: 'sslserver' })).toBe(
      'leaf-cfssl-signed-by-ts.pem: OK',
    );
  });

  it('cfssl-ts signs a cfssl intermediate; cfssl issues under it; the 3-level chain verifies', () => {
    saveOutput(dir, 'inter', outputOf(judge('cfssl', ['genkey', 'intermediate-csr.json'], dir), 'cfssl genkey'));
    const inter = outputOf(
      ours(
        'cfssl-ts',
        ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-profile', 'intermediate', 'inter.csr'],
        dir,
      ),
      'cfssl-ts sign (intermediate)',
    );
    saveOutput(dir, 'inter', { cert: inter.cert! });
    saveOutput(
      dir,
      'chain-leaf',
      outputOf(
        judge(
          'cfssl',
          ['gencert', '-ca', 'inter.pem', '-ca-key', 'inter-key.pem', '-config', 'config.json', '-profile', 'server', 'server-csr.json'],
          dir,
        ),
        'cfssl gencert under the intermediate',
      ),
    );
    expect(opensslVerify(dir, { ca: 'ca.pem', untrusted: 'inter.pem', cert: 'chain-leaf.pem', purpose: 'sslserver' })).toBe(
      'chain-leaf.pem: OK',
    );
  });

  it('cfssl JSON piped into cfssljson-ts -bare writes the same files as real cfssljson -bare', () => {
    saveOutput(dir, 'split', outputOf(judge('cfssl', ['genkey', 'server-csr.json'], dir), 'cfssl genkey'));
    const signed = judge(
      'cfssl',
      ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', 'config.json', '-profile', 'server', 'split.csr'],
      dir,
    ).stdout;
    for (const [label, json, base] of [
      ['gencert -initca', caJson, 'ca'],
      ['sign', signed, 'leaf'],
    ] as const) {
      const theirs = join(workDir(`cfssljson-real-${algo}`), 'out');
      const mine = join(workDir(`cfssljson-ts-${algo}`), 'out');
      mkdirSync(theirs);
      mkdirSync(mine);
      expect(judge('cfssljson', ['-bare', base], theirs, json).status, label).toBe(0);
      const r = ours('cfssljson-ts', ['-bare', base], mine, json);
      expect(r.status, r.stderr).toBe(0);
      const files = readdirSync(theirs).sort();
      expect(readdirSync(mine).sort(), label).toEqual(files);
      for (const f of files) {
        expect(readText(mine, f), `${label}: ${f}`).toBe(readText(theirs, f));
        if (f.endsWith('-key.pem')) expect(statSync(join(mine, f)).mode & 0o777).toBe(0o600);
      }
    }
  });
});
