import { describe, expect, it } from 'vitest';
import { etcdPreset, layoutFileNames, KEY_FILE_MODE } from '@cfssl-ts/layout';
import { describePem } from './describe-pem.js';
import { etcdSpec, makeEtcdFiles } from './make-etcd-files.js';

const text = (files: Awaited<ReturnType<typeof makeEtcdFiles>>, name: string): string => {
  const file = files.find((f) => f.path === name);
  if (typeof file?.contents !== 'string') throw new Error(`no ${name}`);
  return file.contents;
};

describe('etcdSpec', () => {
  it('is the etcd preset with the chosen key in both CSR JSON documents', () => {
    const preset = etcdPreset({ hosts: ['10.0.0.1'] });
    expect(etcdSpec(['10.0.0.1'], 'rsa')).toEqual(preset);
    const ecdsa = etcdSpec(['10.0.0.1'], 'ecdsa');
    expect(ecdsa.ca.csr.key).toEqual({ algo: 'ecdsa', size: 256 });
    expect(ecdsa.certificates[0]?.csr.key).toEqual({ algo: 'ecdsa', size: 256 });
    expect({ ...ecdsa.ca.csr, key: null }).toEqual({ ...preset.ca.csr, key: null });
  });
});

describe('makeEtcdFiles', () => {
  it('makes the nine files of etcd-cert/ in layout order, keys 0600, the server certificate for the hosts', async () => {
    const files = await makeEtcdFiles(['127.0.0.1', 'etcd.local'], 'ecdsa');
    expect(files.map((f) => f.path)).toEqual(layoutFileNames(etcdPreset()));
    expect(files.filter((f) => f.mode === KEY_FILE_MODE).map((f) => f.path)).toEqual(['ca-key.pem', 'server-key.pem']);
    expect(text(files, 'server-key.pem')).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
    const server = describePem(text(files, 'server.pem'));
    expect(server.rows).toEqual(
      expect.arrayContaining([
        { label: 'Subject', values: ['C=CN, ST=BeiJing, L=BeiJing, CN=etcd'] },
        { label: 'Issuer', values: ['C=CN, ST=Beijing, L=Beijing, CN=etcd CA'] },
        { label: 'SANs', values: ['DNS: etcd.local', 'IP: 127.0.0.1'] },
        { label: 'Usages', values: ['signing', 'key encipherment', 'server auth', 'client auth'] },
        { label: 'CA', values: ['no'] },
        { label: 'Key', values: ['ECDSA P-256 (256 bits)'] },
      ]),
    );
    expect(JSON.parse(server.certinfo)).toMatchObject({ sans: ['etcd.local', '127.0.0.1'], sigalg: 'ECDSAWithSHA256' });
    expect(describePem(text(files, 'ca.pem')).rows).toContainEqual({ label: 'CA', values: ['yes'] });
  });
});
