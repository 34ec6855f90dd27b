// The golden comparator must explain failures: mutate real cfssl output in memory and check what it reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChildren, readSingle } from './der-reader.js';
import { explainCertificateDifference, explainCsrInfoDifference } from './der-compare.js';
import { goldenDir } from './repo-paths.js';
import { pemToDer } from './pem-der.js';

const caseFile = (id: string, f: string) => readFileSync(join(goldenDir('cfssl-1.6.5'), id, f), 'utf8');
const cert = pemToDer(caseFile('sign-hosts-mixed', 'cert.pem'), 'CERTIFICATE');

function mutate(der: Uint8Array, find: Uint8Array, replace: Uint8Array): Uint8Array {
  const hex = Buffer.from(der).toString('hex');
  const at = hex.indexOf(Buffer.from(find).toString('hex'));
  expect(at % 2, 'pattern found on a byte boundary').toBe(0);
  return new Uint8Array(Buffer.from(hex.slice(0, at) + Buffer.from(replace).toString('hex') + hex.slice(at + find.length * 2), 'hex'));
}

describe('golden comparator', () => {
  it('reports nothing for identical certificates', () => {
    expect(explainCertificateDifference(cert, cert.slice())).toBeNull();
  });

  it('names the SAN extension when one byte of its value changes', () => {
    // 0x87 0x04 = an IPv4 GeneralName; flip the first address byte.
    const at = Buffer.from(cert).indexOf(Buffer.from([0x87, 0x04]));
    const changed = cert.slice();
    changed[at + 2] = changed[at + 2]! ^ 0x01;
    expect(explainCertificateDifference(changed, cert)).toMatch(/^extension 2\.5\.29\.17 value differs/);
  });

  it('names the RDN and both string types when PrintableString becomes UTF8String', () => {
    const [tbs] = readChildren(readSingle(cert));
    const subject = readChildren(tbs!)[5]!;
    const lastRdn = readChildren(subject).at(-1)!;
    const value = readChildren(readChildren(lastRdn)[0]!)[1]!;
    expect(value.tag).toBe(0x13);
    const changed = cert.slice();
    changed[value.raw.byteOffset - cert.byteOffset] = 0x0c;
    const rdnIndex = readChildren(subject).length - 1;
    expect(explainCertificateDifference(changed, cert)).toBe(`subject RDN ${rdnIndex} string type UTF8String != PrintableString`);
  });

  it('reports a different extension order by OIDs', () => {
    const changed = mutate(cert, Buffer.from('0603551d0f', 'hex'), Buffer.from('0603551d0e', 'hex'));
    expect(explainCertificateDifference(changed, cert)).toMatch(/^extension order /);
  });

  it('explains a CSR whose requested SAN differs', () => {
    const csr = pemToDer(caseFile('gencsr-key-with-hostname', 'csr.pem'), 'CERTIFICATE REQUEST');
    const at = Buffer.from(csr).indexOf(Buffer.from([0x87, 0x04]));
    const changed = csr.slice();
    changed[at + 5] = changed[at + 5]! ^ 0x01;
    expect(explainCsrInfoDifference(changed, csr)).toMatch(/^extension 2\.5\.29\.17 value differs/);
  });
});
