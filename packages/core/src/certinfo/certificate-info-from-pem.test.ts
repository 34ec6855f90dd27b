// Expected outputs are real cfssl's: the 1.6.5 golden corpus, and cfssl's documented error codes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CfsslError } from '../errors/cfssl-error.js';
import { certificateInfoFromPem } from './certificate-info-from-pem.js';

const GOLDEN = join(__dirname, '..', '..', '..', '..', 'fixtures', 'golden', 'cfssl-1.6.5');
const certinfoCases = readdirSync(GOLDEN).filter((d) => d.startsWith('certinfo-'));

function caseInput(dir: string): Uint8Array {
  const c = JSON.parse(readFileSync(join(GOLDEN, dir, 'case.json'), 'utf8')) as { cmd: string[] };
  return readFileSync(join(GOLDEN, dir, c.cmd[c.cmd.indexOf('-cert') + 1]!));
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

function errorOf(f: () => unknown): { code: number; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof CfsslError) return { code: e.cfsslCode, message: e.message };
    throw e;
  }
  throw new Error('expected a CfsslError');
}

describe('certificateInfoFromPem', () => {
  it('has the four certinfo golden cases', () => {
    expect(certinfoCases).toHaveLength(4);
  });

  it.each(certinfoCases)('%s: equals cfssl 1.6.5 stdout without its final newline', (dir) => {
    const expected = readFileSync(join(GOLDEN, dir, 'stdout.json'), 'utf8');
    expect(certificateInfoFromPem(caseInput(dir)) + '\n').toBe(expected);
  });

  const leaf = readFileSync(join(GOLDEN, 'certinfo-produced-leaf', 'leaf.pem'), 'utf8');

  it('ignores the PEM label and surrounding whitespace, like helpers.ParseCertificatePEM', () => {
    const expected = readFileSync(join(GOLDEN, 'certinfo-produced-leaf', 'stdout.json'), 'utf8');
    const relabelled = `\n\n  ${leaf.replaceAll('CERTIFICATE', 'FOO BAR')}\n\n`;
    expect(certificateInfoFromPem(enc(relabelled)) + '\n').toBe(expected);
  });

  it('1002 Failed to decode certificate: no PEM block, empty input, DER bytes, truncated PEM', () => {
    const der = Uint8Array.from(atob(leaf.replace(/-----[^-]+-----|\s/g, '')), (c) => c.charCodeAt(0));
    for (const input of [enc(''), der, enc(leaf.slice(0, 300)), enc('garbage\n')]) {
      expect(errorOf(() => certificateInfoFromPem(input))).toEqual({ code: 1002, message: 'Failed to decode certificate' });
    }
  });

  it('1003 Failed to parse certificate: a PEM block that is not a certificate', () => {
    const junk = '-----BEGIN CERTIFICATE-----\nAAECAwQF\n-----END CERTIFICATE-----\n';
    expect(errorOf(() => certificateInfoFromPem(enc(junk)))).toEqual({ code: 1003, message: 'Failed to parse certificate' });
  });

  it('1003 when anything follows the first block', () => {
    for (const input of [leaf + leaf, `${leaf}junk\n`]) {
      expect(errorOf(() => certificateInfoFromPem(enc(input)))).toEqual({
        code: 1003,
        message: 'the PEM file should contain only one object',
      });
    }
  });
});
