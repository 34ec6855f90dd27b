import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CfsslError } from '@cfssl-ts/core';
import { describePem } from './describe-pem.js';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';

const golden = (version: string, ...parts: string[]): string => readFileSync(goldenDir(version, ...parts), 'utf8');

describe('describePem', () => {
  it("describes real cfssl 1.2's etcd server certificate as openssl -text prints it", () => {
    const description = describePem(golden('cfssl-1.2', 'etcd-server', 'cert.pem'));
    expect(description.kind).toBe('certificate');
    expect(description.rows).toEqual([
      { label: 'Subject', values: ['C=CN, ST=BeiJing, L=BeiJing, CN=etcd'] },
      { label: 'Issuer', values: ['C=CN, ST=Beijing, L=Beijing, CN=etcd CA'] },
      { label: 'Serial number', values: ['70442293856520140508189275293207941360611335563'] },
      { label: 'SANs', values: ['IP: 127.0.0.1', 'IP: 192.168.31.63', 'IP: 192.168.31.65', 'IP: 192.168.31.66'] },
      { label: 'Valid from', values: ['2026-11-28T03:40:00Z'] },
      { label: 'Valid until', values: ['2036-11-25T03:40:00Z'] },
      { label: 'Usages', values: ['signing', 'key encipherment', 'server auth', 'client auth'] },
      { label: 'CA', values: ['no'] },
      { label: 'Key', values: ['RSA 2048 bits'] },
    ]);
  });

  it("gives cfssl 1.6.5 certinfo's JSON for a certificate", () => {
    const dir = join('cfssl-1.6.5', 'certinfo-produced-leaf');
    expect(describePem(golden(dir, 'leaf.pem')).certinfo).toBe(golden(dir, 'stdout.json').trimEnd());
  });

  it('describes a CSR (certinfo -csr) by its PEM label', () => {
    const description = describePem(golden('cfssl-1.2', 'etcd-server', 'csr.pem'));
    expect(description.kind).toBe('csr');
    expect(description.rows).toEqual([
      { label: 'Subject', values: ['C=CN, ST=BeiJing, L=BeiJing, CN=etcd'] },
      { label: 'SANs', values: ['IP: 127.0.0.1', 'IP: 192.168.31.63', 'IP: 192.168.31.65', 'IP: 192.168.31.66'] },
      { label: 'Key', values: ['RSA 2048 bits'] },
    ]);
    expect(JSON.parse(description.certinfo)).toMatchObject({ Subject: { CommonName: 'etcd' } });
  });

  it("refuses what cfssl certinfo refuses, with cfssl's codes", () => {
    const refusal = (text: string): unknown => {
      try {
        describePem(text);
      } catch (error) {
        return error instanceof CfsslError ? { code: error.code, cfsslCode: error.cfsslCode } : error;
      }
      return 'accepted';
    };
    expect(refusal('hello')).toEqual({ code: 'ERR_CERTIFICATE', cfsslCode: 1002 });
    expect(refusal('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).toEqual({ code: 'ERR_CERTIFICATE', cfsslCode: 1003 });
  });
});
