// Replays every case of the cfssl 1.6.5 golden corpus through the built cfssl-ts bins
// (fixtures/golden/cfssl-1.6.5/README.md describes the tiers). Real cfssl made every expected byte.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeOid, readChildren } from '@cfssl-ts/test-support/der-reader';
import {
  explainCertificateDifference,
  explainCsrInfoDifference,
  explainTbsDifference,
  signedParts,
} from '@cfssl-ts/test-support/der-compare';
import {
  expectedOutcome,
  flagValue,
  loadGoldenCases,
  positionals,
  read,
  scratchCopy,
  type GoldenCase,
} from '@cfssl-ts/test-support/golden-cases';
import { certificateVerifies, pemToDer, signatureVerifies } from '@cfssl-ts/test-support/pem-der';
import { runBin } from '@cfssl-ts/test-support/run-bin';
import { structuralDifferences } from '@cfssl-ts/test-support/structure-compare';

const cases = loadGoldenCases('cfssl-1.6.5');

function ok(r: { status: number; stderr: string }): void {
  expect(r.stderr.includes('internal error'), r.stderr).toBe(false);
  expect(r.status, r.stderr).toBe(0);
}

function certFromStdout(stdout: string): string {
  return (JSON.parse(stdout) as { cert: string }).cert;
}

function isEcdsaSigned(der: Uint8Array): boolean {
  return decodeOid(readChildren(signedParts(der).algorithm)[0]!.content).startsWith('1.2.840.10045.4.3');
}

/** CSR tier: bytes for RSA/Ed25519 keys; equal CertificationRequestInfo and a verifying signature for ECDSA. */
function expectSameCsr(oursPem: string, theirsPem: string): void {
  const ours = pemToDer(oursPem, 'CERTIFICATE REQUEST');
  const theirs = pemToDer(theirsPem, 'CERTIFICATE REQUEST');
  if (!isEcdsaSigned(theirs)) {
    expect(explainCsrInfoDifference(ours, theirs) ?? (Buffer.compare(ours, theirs) === 0 ? null : 'signature differs')).toBeNull();
    return;
  }
  expect(explainCsrInfoDifference(ours, theirs)).toBeNull();
  const p = signedParts(ours);
  const spki = readChildren(p.tbs)[2]!.raw;
  const oid = decodeOid(readChildren(p.algorithm)[0]!.content);
  expect(signatureVerifies(spki, oid, p.tbs.raw, p.signature)).toBe(true);
}

/** Certificate tier: bytes, or (tbs) equal TBSCertificate and a signature that verifies under the issuer. */
function expectSameCertificate(c: GoldenCase, oursPem: string, issuerPem: string | null): void {
  const ours = pemToDer(oursPem, 'CERTIFICATE');
  const theirs = pemToDer(read(c, 'cert.pem'), 'CERTIFICATE');
  if (c.tier === 'bytes') {
    expect(explainCertificateDifference(ours, theirs)).toBeNull();
    return;
  }
  expect(explainTbsDifference(signedParts(ours).tbs, signedParts(theirs).tbs)).toBeNull();
  expect(certificateVerifies(oursPem, issuerPem ?? oursPem)).toBe(true);
}

function replayFlags(c: GoldenCase): string[] {
  const out: string[] = [];
  if (c.replay.serial) out.push('--serial', c.replay.serial);
  if (c.replay.now) out.push('--now', c.replay.now);
  return out;
}

/** A cfssl CSR JSON request: only CN is touched here, every other field is copied through. */
interface CsrJson {
  CN?: string;
  [field: string]: unknown;
}

/** `gencsr -key K [-hostname H] CSRJSON` (with -cn applied to a copy of the JSON). */
function gencsrFor(c: GoldenCase, dir: string, csrJson: string, key: string): string {
  const cn = flagValue(c.cmd, 'cn');
  let jsonFile = csrJson;
  if (cn !== null) {
    const body = JSON.parse(readFileSync(join(dir, csrJson), 'utf8')) as CsrJson;
    body.CN = cn;
    jsonFile = 'cn-override-csr.json';
    writeFileSync(join(dir, jsonFile), JSON.stringify(body));
  }
  const host = flagValue(c.cmd, 'hostname');
  const r = runBin('cfssl-ts', ['gencsr', '-key', key, ...(host !== null ? ['-hostname', host] : []), jsonFile], dir);
  ok(r);
  return (JSON.parse(r.stdout) as { csr: string }).csr;
}

function freshStructure(c: GoldenCase, dir: string, args: string[], rounded = true): void {
  const start = Date.now();
  const r = runBin('cfssl-ts', args, dir);
  const end = Date.now();
  ok(r);
  const out = JSON.parse(r.stdout) as Record<string, string>;
  expect(Object.keys(out)).toEqual(Object.keys(JSON.parse(read(c, 'stdout.json')) as Record<string, string>));
  expect(r.stdout.endsWith('\n') && r.stdout.indexOf('\n') === r.stdout.length - 1).toBe(true);
  const ours = pemToDer(out.cert!, 'CERTIFICATE');
  const theirs = pemToDer(read(c, 'cert.pem'), 'CERTIFICATE');
  const diffs = structuralDifferences(ours, theirs, {
    start,
    end,
    recordedNow: c.replay.now ? Date.parse(c.replay.now) : null,
    rounded,
  });
  expect(diffs).toEqual([]);
  if (out.key !== undefined) {
    const label = (s: string) => s.match(/-----BEGIN ([^-]+)-----/)?.[1];
    expect(label(out.key)).toBe(label(read(c, 'key.pem')));
  }
  const issuer = flagValue(c.cmd, 'ca') ? read(c, flagValue(c.cmd, 'ca')!) : out.cert!;
  expect(certificateVerifies(out.cert!, issuer)).toBe(true);
}

function cfssljsonSplit(c: GoldenCase): void {
  it('cfssljson-ts -bare splits cfssl stdout into exactly the recorded files', () => {
    const dir = mkdtempSync(join(tmpdir(), `cfssljson-${c.id}-`));
    const r = runBin('cfssljson-ts', ['-bare', 'out'], dir, read(c, 'stdout.json'));
    ok(r);
    const expected = [
      ['cert.pem', 'out.pem'],
      ['key.pem', 'out-key.pem'],
      ['csr.pem', 'out.csr'],
    ].filter(([f]) => readdirSync(c.dir).includes(f!));
    expect(readdirSync(dir).sort()).toEqual(expected.map(([, o]) => o).sort());
    for (const [f, o] of expected) expect(readFileSync(join(dir, o!), 'utf8')).toBe(read(c, f!));
  });
}

describe.each(cases)('$id ($tier)', (c) => {
  const sub = c.cmd[0];
  const initca = c.cmd.includes('-initca');
  const args = positionals(c.cmd);

  if (c.tier === 'error') {
    const expected = expectedOutcome(c);
    it(`fails like cfssl: exit ${expected.exit}${expected.error ? `, ${expected.error}` : ''}`, () => {
      const r = runBin('cfssl-ts', c.cmd, scratchCopy(c));
      expect(r.status, r.stderr).toBe(expected.exit);
      expect(r.stdout).toBe(read(c, 'stdout.json'));
      if (expected.error?.startsWith('Failed to load config file:')) {
        expect(r.stderr.endsWith(expected.error), r.stderr).toBe(true);
      } else if (expected.error) {
        expect(r.stderr.split('\n'), r.stderr).toContain(expected.error);
      } else {
        expect(r.stderr.length).toBeGreaterThan(0);
      }
    });
    return;
  }
  if (sub === 'selfsign') {
    it('gencsr -key reproduces the CSR', () => {
      expectSameCsr(gencsrFor(c, scratchCopy(c), args[args.length - 1]!, c.replay.key!), read(c, 'csr.pem'));
    });
    // selfsign reads the clock without rounding it to the minute (reference §5.13).
    it('a fresh run matches cfssl field by field', () => freshStructure(c, scratchCopy(c), c.cmd, false));
    it("a fresh run prints cfssl 1.6.5's warning block on stderr", () => {
      const r = runBin('cfssl-ts', c.cmd, scratchCopy(c));
      ok(r);
      const warning = read(c, 'stderr.txt').slice(read(c, 'stderr.txt').indexOf('*** WARNING ***'));
      expect(r.stderr.endsWith(warning), r.stderr).toBe(true);
    });
    return;
  }
  if (c.tier === 'certinfo') {
    it("prints cfssl 1.6.5's certinfo output byte for byte", () => {
      const r = runBin('cfssl-ts', c.cmd, scratchCopy(c));
      ok(r);
      expect(r.stdout).toBe(read(c, 'stdout.json'));
    });
    return;
  }
  if (c.tier !== 'structure') cfssljsonSplit(c);

  if (sub === 'gencsr') {
    it('reproduces the CSR and echoes the key file', () => {
      const r = runBin('cfssl-ts', c.cmd, scratchCopy(c));
      ok(r);
      const out = JSON.parse(r.stdout) as { csr: string; key: string };
      expectSameCsr(out.csr, read(c, 'csr.pem'));
      expect(out.key).toBe(read(c, c.replay.key!));
    });
    return;
  }

  if (initca) {
    const csrJson = args[0]!;
    const key = c.replay.key!;
    it('gencsr -key reproduces the CA CSR', () => {
      expectSameCsr(gencsrFor(c, scratchCopy(c), csrJson, key), read(c, 'csr.pem'));
    });
    it('gencert -initca -ca-key --serial --now reproduces the CA certificate and CSR', () => {
      const r = runBin('cfssl-ts', ['gencert', ...replayFlags(c), '-initca', '-ca-key', key, csrJson], scratchCopy(c));
      ok(r);
      const out = JSON.parse(r.stdout) as { cert: string; csr: string };
      expectSameCertificate(c, out.cert, null);
      expectSameCsr(out.csr, read(c, 'csr.pem'));
    });
    it('a fresh run matches cfssl field by field', () => freshStructure(c, scratchCopy(c), c.cmd));
    return;
  }

  if (sub === 'genkey') {
    it('gencsr -key reproduces the CSR', () => {
      expectSameCsr(gencsrFor(c, scratchCopy(c), args[0]!, c.replay.key!), read(c, 'csr.pem'));
    });
    return;
  }

  const signFlags = ['ca', 'ca-key', 'config', 'profile', 'hostname'].flatMap((f) => {
    const v = flagValue(c.cmd, f);
    return v === null ? [] : [`-${f}`, v];
  });

  if (sub === 'gencert') {
    it('gencsr -key reproduces the CSR', () => {
      expectSameCsr(gencsrFor(c, scratchCopy(c), args[0]!, c.replay.key!), read(c, 'csr.pem'));
    });
    it('sign --serial --now of the recorded CSR reproduces the certificate', () => {
      const r = runBin('cfssl-ts', ['sign', ...replayFlags(c), ...signFlags, 'csr.pem'], scratchCopy(c));
      ok(r);
      expect((JSON.parse(r.stdout) as { csr: string }).csr).toBe(read(c, 'csr.pem'));
      expectSameCertificate(c, certFromStdout(r.stdout), read(c, flagValue(c.cmd, 'ca')!));
    });
    it('a fresh run matches cfssl field by field', () => freshStructure(c, scratchCopy(c), c.cmd));
    return;
  }

  if (sub === 'sign') {
    it('sign --serial --now reproduces the certificate', () => {
      const r = runBin('cfssl-ts', ['sign', ...replayFlags(c), ...c.cmd.slice(1)], scratchCopy(c));
      ok(r);
      expectSameCertificate(c, certFromStdout(r.stdout), read(c, flagValue(c.cmd, 'ca')!));
      if (c.tier === 'bytes') expect(r.stdout).toBe(read(c, 'stdout.json'));
    });
    it('a fresh run matches cfssl field by field', () => freshStructure(c, scratchCopy(c), c.cmd));
    return;
  }
  it.todo(`${sub} cases are not replayed yet`);
});
