import { X509Certificate, createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildLayout, type LayoutBuild } from './build-layout.js';
import { LayoutError } from './layout-error.js';
import type { LayoutSpec } from './layout-spec.js';
import { etcdPreset } from './presets/etcd-preset.js';

// Node's X509Certificate (OpenSSL) is the independent judge of what buildLayout issues.
const USAGES = ['signing', 'key encipherment', 'server auth', 'client auth'];
const P256 = { algo: 'ecdsa', size: 256 };

function smallSpec(hosts: string[], usages = USAGES): LayoutSpec {
  return {
    configFile: 'ca-config.json',
    config: { signing: { default: { expiry: '8760h' }, profiles: { www: { expiry: '8760h', usages } } } },
    ca: { base: 'ca', csrFile: 'ca-csr.json', csr: { CN: 'test CA', key: P256, names: [{ C: 'CN', L: 'Beijing', ST: 'Beijing' }] } },
    certificates: [{ base: 'server', csrFile: 'server-csr.json', csr: { CN: 'etcd', hosts, key: P256 }, profile: 'www', role: 'peer' }],
  };
}

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

// The directory after writing a build over `before`.
function after(before: ReadonlyMap<string, Uint8Array>, build: LayoutBuild): Map<string, Uint8Array> {
  const dir = new Map(before);
  for (const f of build.files) dir.set(f.path, typeof f.contents === 'string' ? new TextEncoder().encode(f.contents) : f.contents);
  return dir;
}

function actions(build: LayoutBuild): Record<string, string> {
  return Object.fromEntries(build.outcomes.map((o) => [o.file, o.action]));
}

function x509(dir: ReadonlyMap<string, Uint8Array>, name: string): X509Certificate {
  return new X509Certificate(text(dir.get(name)));
}

async function layoutError(promise: Promise<unknown>): Promise<LayoutError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LayoutError) return error;
    throw error;
  }
  throw new Error('expected a LayoutError');
}

describe('buildLayout, first run', () => {
  it('takes no existing files when the argument is left out: the whole set is created', async () => {
    const build = await buildLayout(etcdPreset({ hosts: ['127.0.0.1'] }));
    expect(build.outcomes.every((o) => o.action === 'created')).toBe(true);
    expect(build.files.map((f) => f.path)).toContain('server-key.pem');
  });

  it("issues the etcd tutorial's nine files: a self-signed CA and a server certificate OpenSSL accepts", async () => {
    const build = await buildLayout(etcdPreset({ hosts: ['127.0.0.1', '10.0.0.2'] }), new Map());
    expect(build.stale).toBe(false);
    expect(build.outcomes.map((o) => `${o.action} ${o.file}`)).toEqual([
      'created ca-config.json',
      'created ca-csr.json',
      'created ca.pem',
      'created ca-key.pem',
      'created ca.csr',
      'created server-csr.json',
      'created server.pem',
      'created server-key.pem',
      'created server.csr',
    ]);
    expect(build.files.map((f) => [f.path, f.mode.toString(8)])).toEqual([
      ['ca-config.json', '644'],
      ['ca-csr.json', '644'],
      ['ca.pem', '644'],
      ['ca-key.pem', '600'],
      ['ca.csr', '644'],
      ['server-csr.json', '644'],
      ['server.pem', '644'],
      ['server-key.pem', '600'],
      ['server.csr', '644'],
    ]);
    const dir = after(new Map(), build);
    const ca = x509(dir, 'ca.pem');
    const server = x509(dir, 'server.pem');
    expect(ca.ca).toBe(true);
    expect(ca.verify(ca.publicKey)).toBe(true);
    expect(ca.subject).toBe('C=CN\nST=Beijing\nL=Beijing\nCN=etcd CA');
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.subject).toBe('C=CN\nST=BeiJing\nL=BeiJing\nCN=etcd');
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(server.checkIP('10.0.0.2')).toBe('10.0.0.2');
    expect(server.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(server.checkPrivateKey(createPrivateKey(text(dir.get('server-key.pem'))))).toBe(true);
    expect(ca.checkPrivateKey(createPrivateKey(text(dir.get('ca-key.pem'))))).toBe(true);
    expect(text(dir.get('server-key.pem'))).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(createPrivateKey(text(dir.get('server-key.pem'))).asymmetricKeyDetails?.modulusLength).toBe(2048);
  });

  it('generates the missing keys concurrently', async () => {
    let inFlight = 0;
    let most = 0;
    const subtle = globalThis.crypto.subtle;
    const counting = new Proxy(subtle, {
      get(target, name) {
        if (name === 'generateKey') {
          return async (...args: Parameters<SubtleCrypto['generateKey']>) => {
            inFlight++;
            most = Math.max(most, inFlight);
            try {
              return await target.generateKey(...args);
            } finally {
              inFlight--;
            }
          };
        }
        const value = Reflect.get(target, name) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const crypto = new Proxy(globalThis.crypto, {
      get(target, name) {
        if (name === 'subtle') return counting;
        const value = Reflect.get(target, name) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const spec = smallSpec(['127.0.0.1']);
    spec.certificates.push({
      base: 'peer',
      csrFile: 'peer-csr.json',
      csr: { CN: 'peer', hosts: ['127.0.0.2'], key: P256 },
      profile: 'www',
      role: 'peer',
    });
    await buildLayout(spec, new Map(), { crypto });
    expect(most).toBe(3);
  });
});

describe('buildLayout, later runs', () => {
  it('keeps everything, writing nothing, when nothing changed', async () => {
    const dir = after(new Map(), await buildLayout(smallSpec(['127.0.0.1']), new Map()));
    const again = await buildLayout(smallSpec(['127.0.0.1']), dir);
    expect(again.files).toEqual([]);
    expect(new Set(Object.values(actions(again)))).toEqual(new Set(['kept']));
    expect(again.stale).toBe(false);
  });

  it('keeps a CSR JSON that is only formatted differently', async () => {
    const dir = after(new Map(), await buildLayout(smallSpec(['127.0.0.1']), new Map()));
    dir.set('server-csr.json', new TextEncoder().encode('{"key":{"size":256,"algo":"ecdsa"},"hosts":["127.0.0.1"],"CN":"etcd"}'));
    expect(actions(await buildLayout(smallSpec(['127.0.0.1']), dir))['server-csr.json']).toBe('kept');
  });

  it('reports other hosts on the CSR JSON and the certificate, and writes nothing, without force', async () => {
    const dir = after(new Map(), await buildLayout(smallSpec(['127.0.0.1', '127.0.0.2']), new Map()));
    const build = await buildLayout(smallSpec(['127.0.0.1', '127.0.0.3']), dir);
    expect(build.files).toEqual([]);
    expect(build.stale).toBe(true);
    const byFile = Object.fromEntries(build.outcomes.map((o) => [o.file, o]));
    expect(byFile['server-csr.json']).toEqual({
      file: 'server-csr.json',
      action: 'stale',
      reasons: ['hosts: file has ["127.0.0.1","127.0.0.2"], requested ["127.0.0.1","127.0.0.3"]'],
    });
    expect(byFile['server.pem']?.action).toBe('stale');
    expect(byFile['server.pem']?.reasons).toEqual([
      'hosts: certificate has [127.0.0.1, 127.0.0.2], requested [127.0.0.1, 127.0.0.3] (as requested; server-csr.json was kept)',
    ]);
    expect(byFile['server-key.pem']?.action).toBe('kept');
  });

  it('with force, rewrites the CSR JSON and re-issues the certificate and CSR with the same key', async () => {
    const dir = after(new Map(), await buildLayout(smallSpec(['127.0.0.1', '127.0.0.2']), new Map()));
    const build = await buildLayout(smallSpec(['127.0.0.1', '127.0.0.3']), dir, { force: true });
    expect(build.files.map((f) => f.path)).toEqual(['server-csr.json', 'server.pem', 'server.csr']);
    expect(actions(build)).toMatchObject({
      'server-csr.json': 'replaced',
      'server.pem': 'replaced',
      'server-key.pem': 'kept',
      'server.csr': 'replaced',
      'ca.pem': 'kept',
    });
    const next = after(dir, build);
    expect(next.get('server-key.pem')).toEqual(dir.get('server-key.pem'));
    const server = x509(next, 'server.pem');
    expect(server.checkIP('127.0.0.3')).toBe('127.0.0.3');
    expect(server.checkIP('127.0.0.2')).toBeUndefined();
    expect(server.checkPrivateKey(createPrivateKey(text(dir.get('server-key.pem'))))).toBe(true);
    expect(server.verify(x509(next, 'ca.pem').publicKey)).toBe(true);
  });

  it('re-issues a certificate whose usages no longer match the profile, under force', async () => {
    const dir = after(new Map(), await buildLayout(smallSpec(['127.0.0.1'], ['signing', 'server auth']), new Map()));
    const stale = await buildLayout(smallSpec(['127.0.0.1']), dir);
    expect(stale.outcomes.find((o) => o.file === 'ca-config.json')?.action).toBe('stale');
    expect(stale.outcomes.find((o) => o.file === 'server.pem')?.reasons).toEqual([
      'usages: certificate has [serverAuth], profile asks for [serverAuth, clientAuth] (as requested; ca-config.json was kept)',
    ]);
    const forced = await buildLayout(smallSpec(['127.0.0.1']), dir, { force: true });
    expect(x509(after(dir, forced), 'server.pem').keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
  });

  it('creates only what is missing: a deleted certificate is signed again for the existing key', async () => {
    const dir = after(new Map(), await buildLayout(smallSpec(['127.0.0.1']), new Map()));
    dir.delete('server.pem');
    dir.delete('server.csr');
    const build = await buildLayout(smallSpec(['127.0.0.1']), dir);
    expect(build.files.map((f) => f.path)).toEqual(['server.pem', 'server.csr']);
    const next = after(dir, build);
    expect(x509(next, 'server.pem').checkPrivateKey(createPrivateKey(text(dir.get('server-key.pem'))))).toBe(true);
  });

  it('flags a certificate the CA in the directory did not sign; force re-issues it', async () => {
    const first = after(new Map(), await buildLayout(smallSpec(['127.0.0.1']), new Map()));
    const other = after(new Map(), await buildLayout(smallSpec(['127.0.0.1']), new Map()));
    const dir = new Map(first);
    dir.set('server.pem', other.get('server.pem') as Uint8Array);
    dir.set('server-key.pem', other.get('server-key.pem') as Uint8Array);
    dir.set('server.csr', other.get('server.csr') as Uint8Array);
    const build = await buildLayout(smallSpec(['127.0.0.1']), dir);
    expect(build.outcomes.find((o) => o.file === 'server.pem')).toEqual({
      file: 'server.pem',
      action: 'stale',
      reasons: ['it is not signed by ca.pem (issuer C=CN, ST=Beijing, L=Beijing, CN=test CA)'],
    });
    const forced = after(dir, await buildLayout(smallSpec(['127.0.0.1']), dir, { force: true }));
    expect(x509(forced, 'server.pem').verify(x509(forced, 'ca.pem').publicKey)).toBe(true);
  });

  it('flags a certificate whose key file holds another key', async () => {
    const first = after(new Map(), await buildLayout(smallSpec(['127.0.0.1']), new Map()));
    const other = after(new Map(), await buildLayout(smallSpec(['127.0.0.1']), new Map()));
    first.set('server-key.pem', other.get('server-key.pem') as Uint8Array);
    const build = await buildLayout(smallSpec(['127.0.0.1']), first);
    expect(build.outcomes.find((o) => o.file === 'server.pem')?.reasons).toEqual(['its public key is not the key in server-key.pem']);
    expect(build.outcomes.find((o) => o.file === 'server.csr')?.action).toBe('kept');
  });

  it('never replaces a missing key silently: a certificate without its key is stale until force makes a new key', async () => {
    const dir = after(new Map(), await buildLayout(smallSpec(['127.0.0.1']), new Map()));
    dir.delete('server-key.pem');
    const build = await buildLayout(smallSpec(['127.0.0.1']), dir);
    expect(build.files).toEqual([]);
    expect(actions(build)).toMatchObject({ 'server.pem': 'stale', 'server-key.pem': 'stale' });
    const forced = await buildLayout(smallSpec(['127.0.0.1']), dir, { force: true });
    expect(forced.files.map((f) => `${f.path} ${f.kind}`)).toEqual([
      'server.pem certificate',
      'server-key.pem private-key',
      'server.csr csr',
    ]);
    expect(actions(forced)).toMatchObject({ 'server.pem': 'replaced', 'server-key.pem': 'created' });
  });

  it('keeps leaves valid when the CA certificate is re-issued with the same key', async () => {
    const dir = after(new Map(), await buildLayout(smallSpec(['127.0.0.1']), new Map()));
    dir.delete('ca.pem');
    const build = await buildLayout(smallSpec(['127.0.0.1']), dir);
    // ca.csr still requests the same subject for the same key: kept as it is (its ECDSA signature would differ)
    expect(actions(build)).toMatchObject({ 'ca.pem': 'created', 'ca-key.pem': 'kept', 'ca.csr': 'kept', 'server.pem': 'kept' });
    expect(build.files.map((f) => f.path)).toEqual(['ca.pem']);
    const next = after(dir, build);
    expect(x509(next, 'server.pem').verify(x509(next, 'ca.pem').publicKey)).toBe(true);
  });

  it('rewrites ca.csr when the CA is re-issued for another subject (under force)', async () => {
    const dir = after(new Map(), await buildLayout(smallSpec(['127.0.0.1']), new Map()));
    const renamed = smallSpec(['127.0.0.1']);
    renamed.ca.csr = { ...renamed.ca.csr, CN: 'renamed CA' };
    const build = await buildLayout(renamed, dir, { force: true });
    expect(actions(build)).toMatchObject({ 'ca.pem': 'replaced', 'ca-key.pem': 'kept', 'ca.csr': 'replaced' });
  });
});

describe('buildLayout, files it cannot use', () => {
  it('refuses an unreadable private key, naming it', async () => {
    const dir = new Map([['server-key.pem', new TextEncoder().encode('not a key')]]);
    const error = await layoutError(buildLayout(smallSpec(['127.0.0.1']), dir));
    expect(error.code).toBe('ERR_LAYOUT_INPUT_FILE');
    expect(error.file).toBe('server-key.pem');
    expect(error.problems[0]).toMatch(/^cannot parse the private key: .*; move it away to make a new key$/);
  });

  it('refuses to sign when the CA key is missing', async () => {
    const dir = after(new Map(), await buildLayout(smallSpec(['127.0.0.1']), new Map()));
    dir.delete('ca-key.pem');
    dir.delete('server.pem');
    const error = await layoutError(buildLayout(smallSpec(['127.0.0.1']), dir));
    expect(error.code).toBe('ERR_LAYOUT_NO_SIGNER');
    expect(error.problems).toEqual(['cannot sign server.pem: ca-key.pem is missing']);
  });

  it('names a kept CSR JSON that cfssl cannot read; force replaces it', async () => {
    const dir = new Map([['server-csr.json', new TextEncoder().encode('{"CN": 7}')]]);
    const error = await layoutError(buildLayout(smallSpec(['127.0.0.1']), dir));
    expect(error.file).toBe('server-csr.json');
    expect(error.problems).toEqual(['json: cannot unmarshal number into Go struct field CertificateRequest.CN of type string']);
    const forced = await buildLayout(smallSpec(['127.0.0.1']), dir, { force: true });
    expect(actions(forced)['server-csr.json']).toBe('replaced');
  });

  it('names the CSR JSON whose key request cfssl refuses', async () => {
    const spec = smallSpec(['127.0.0.1']);
    (spec.certificates[0] as { csr: Record<string, unknown> }).csr.key = { algo: 'rsa', size: 1024 };
    const error = await layoutError(buildLayout(spec, new Map()));
    expect(error.file).toBe('server-csr.json');
    expect(error.problems).toEqual(['RSA key is too weak']);
  });
});
