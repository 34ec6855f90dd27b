import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildLayout } from './build-layout.js';
import { checkLayout, type CertificateCheck, type LayoutCheck } from './check-layout.js';
import type { LayoutSpec } from './layout-spec.js';

const P256 = { algo: 'ecdsa', size: 256 };
const BOTH = ['signing', 'key encipherment', 'server auth', 'client auth'];
const DAY = 86_400_000;

function spec(hosts: string[], usages = BOTH): LayoutSpec {
  return {
    configFile: 'ca-config.json',
    config: { signing: { default: { expiry: '8760h' }, profiles: { www: { expiry: '8760h', usages } } } },
    ca: { base: 'ca', csrFile: 'ca-csr.json', csr: { CN: 'etcd CA', key: P256 } },
    certificates: [
      { base: 'server', csrFile: 'server-csr.json', csr: { CN: 'etcd', hosts, key: P256 }, profile: 'www', role: 'peer' },
      { base: 'client', csrFile: 'client-csr.json', csr: { CN: 'root', key: P256 }, profile: 'www', role: 'client' },
    ],
  };
}

async function directory(s: LayoutSpec): Promise<Map<string, Uint8Array>> {
  const build = await buildLayout(s, new Map());
  return new Map(build.files.map((f) => [f.path, typeof f.contents === 'string' ? new TextEncoder().encode(f.contents) : f.contents]));
}

function entry(result: LayoutCheck, file: string): CertificateCheck {
  const found = result.certificates.find((c) => c.file === file);
  if (found === undefined) throw new Error(`no check for ${file}`);
  return found;
}

let good: Map<string, Uint8Array>;
let foreign: Map<string, Uint8Array>;

beforeAll(async () => {
  good = await directory(spec(['127.0.0.1', '127.0.0.2', 'etcd.local']));
  foreign = await directory(spec(['127.0.0.1', '127.0.0.2', 'etcd.local']));
});

describe('checkLayout', () => {
  it('passes a consistent layout: CA first, roles from hosts, days to expiry', async () => {
    const result = await checkLayout(good);
    expect(result.problemCount).toBe(0);
    expect(result.certificates.map((c) => [c.file, c.role])).toEqual([
      ['ca.pem', 'ca'],
      ['client.pem', 'client'],
      ['server.pem', 'peer'],
    ]);
    const server = entry(result, 'server.pem');
    expect(server.subject).toBe('CN=etcd');
    expect(server.daysLeft).toBeGreaterThanOrEqual(364);
    expect(server.notes).toContain('signed by ca.pem');
    expect(server.notes).toContain('key server-key.pem matches');
    expect(server.notes).toContain('valid for every host in server-csr.json: 127.0.0.1, 127.0.0.2, etcd.local');
  });

  it("flags a server certificate whose SANs miss a host of its CSR JSON, in Go's words", async () => {
    const dir = new Map(good);
    dir.set(
      'server-csr.json',
      new TextEncoder().encode(
        JSON.stringify({ CN: 'etcd', hosts: ['127.0.0.1', '127.0.0.2', '127.0.0.3', 'etcd.local', 'etcd-2.local'] }),
      ),
    );
    const result = await checkLayout(dir);
    // OpenSSL agrees the certificate is not valid for the extra hosts
    const cert = new X509Certificate(new TextDecoder().decode(good.get('server.pem')));
    expect(cert.checkIP('127.0.0.3')).toBeUndefined();
    expect(cert.checkHost('etcd-2.local')).toBeUndefined();
    expect(entry(result, 'server.pem').problems).toEqual([
      'x509: certificate is valid for 127.0.0.1, 127.0.0.2, not 127.0.0.3 (server-csr.json lists 127.0.0.3)',
      'x509: certificate is valid for etcd.local, not etcd-2.local (server-csr.json lists etcd-2.local)',
    ]);
    expect(result.problemCount).toBe(2);
  });

  it('flags a peer certificate without clientAuth', async () => {
    const dir = await directory(spec(['127.0.0.1'], ['signing', 'key encipherment', 'server auth']));
    const result = await checkLayout(dir);
    expect(entry(result, 'server.pem').problems).toEqual([
      'x509: certificate specifies an incompatible key usage: it has [serverAuth], a certificate presented both as server and as client (etcd peers, kube-apiserver to etcd and kubelets) needs clientAuth',
    ]);
    expect(entry(result, 'client.pem').problems).toEqual([
      'x509: certificate specifies an incompatible key usage: it has [serverAuth], a TLS client certificate needs clientAuth',
    ]);
  });

  it("reads a certificate with hosts and serverAuth alone as a server certificate, as layout does (the guide's example)", async () => {
    const serverOnly = ['signing', 'key encipherment', 'server auth'];
    const dir = await directory({
      ...spec([]),
      config: { signing: { profiles: { server: { expiry: '8760h', usages: serverOnly }, both: { expiry: '8760h', usages: BOTH } } } },
      certificates: [
        { base: 'web', csrFile: 'web-csr.json', csr: { CN: 'web', hosts: ['web.example'], key: P256 }, profile: 'server', role: 'server' },
        { base: 'member', csrFile: 'member-csr.json', csr: { CN: 'm', hosts: ['10.0.0.2'], key: P256 }, profile: 'both', role: 'peer' },
        { base: 'bot', csrFile: 'bot-csr.json', csr: { CN: 'bot', key: P256 }, profile: 'both', role: 'client' },
      ],
    });
    const result = await checkLayout(dir);
    expect(result.certificates.map((c) => [c.file, c.role, c.problems])).toEqual([
      ['ca.pem', 'ca', []],
      ['bot.pem', 'client', []],
      ['member.pem', 'peer', []],
      ['web.pem', 'server', []],
    ]);
    expect(entry(result, 'web.pem').notes).toContain('usages [serverAuth] fit server use');
  });

  it('flags a server or peer certificate without SANs instead of calling it a client', async () => {
    // server.pem is the tutorials' peer certificate; web.pem allows serverAuth only; client.pem is a client
    const noHosts = await directory({
      ...spec([]),
      certificates: [
        ...spec([]).certificates,
        { base: 'web', csrFile: 'web-csr.json', csr: { CN: 'web', key: P256 }, profile: 'server', role: 'server' },
        { base: 'etcd-peer', csrFile: 'etcd-peer-csr.json', csr: { CN: 'p', key: P256 }, profile: 'www', role: 'peer' },
      ],
      config: {
        signing: {
          default: { expiry: '8760h' },
          profiles: { www: { expiry: '8760h', usages: BOTH }, server: { expiry: '8760h', usages: ['signing', 'server auth'] } },
        },
      },
    });
    const result = await checkLayout(noHosts);
    expect(result.certificates.map((c) => [c.file, c.role, c.problems])).toEqual([
      ['ca.pem', 'ca', []],
      ['client.pem', 'client', []],
      [
        'etcd-peer.pem',
        'peer',
        [
          'x509: certificate is not valid for any names: etcd-peer.pem has no SANs, and a certificate presented both as server and as client (etcd peers, kube-apiserver to etcd and kubelets) is verified against them; issue it with hosts',
        ],
      ],
      [
        'server.pem',
        'peer',
        [
          'x509: certificate is not valid for any names: server.pem has no SANs, and a certificate presented both as server and as client (etcd peers, kube-apiserver to etcd and kubelets) is verified against them; issue it with hosts',
        ],
      ],
      [
        'web.pem',
        'server',
        [
          'x509: certificate is not valid for any names: web.pem has no SANs, and a TLS server certificate is verified against them; issue it with hosts',
        ],
      ],
    ]);
    expect(result.problemCount).toBe(3);
  });

  it('flags a key that does not match its certificate', async () => {
    const dir = new Map(good);
    dir.set('server-key.pem', foreign.get('server-key.pem') as Uint8Array);
    const result = await checkLayout(dir);
    expect(entry(result, 'server.pem').problems).toEqual([
      'tls: private key does not match public key (server-key.pem is not the key of server.pem)',
    ]);
    expect(result.problemCount).toBe(1);
  });

  it('flags a certificate from another CA', async () => {
    const dir = new Map(good);
    dir.set('server.pem', foreign.get('server.pem') as Uint8Array);
    dir.set('server-key.pem', foreign.get('server-key.pem') as Uint8Array);
    const result = await checkLayout(dir);
    expect(entry(result, 'server.pem').problems).toEqual([
      "x509: certificate signed by unknown authority (its issuer is named like ca.pem but ca.pem's key did not sign it (was the CA re-generated?))",
    ]);
  });

  it('names the issuer when it is another CA altogether', async () => {
    const other = await directory({
      ...spec(['127.0.0.1']),
      ca: { base: 'ca', csrFile: 'ca-csr.json', csr: { CN: 'other CA', key: P256 } },
    });
    const dir = new Map(good);
    dir.set('client.pem', other.get('client.pem') as Uint8Array);
    dir.set('client-key.pem', other.get('client-key.pem') as Uint8Array);
    const result = await checkLayout(dir);
    expect(entry(result, 'client.pem').problems).toEqual([
      'x509: certificate signed by unknown authority (issuer "CN=other CA", ca.pem is "CN=etcd CA")',
    ]);
  });

  it('flags an expired certificate with the times Go prints', async () => {
    const cert = new X509Certificate(new TextDecoder().decode(good.get('server.pem')));
    const notAfter = Date.parse(cert.validTo);
    const now = notAfter + DAY;
    const result = await checkLayout(good, { now });
    expect(entry(result, 'server.pem').problems).toEqual([
      `x509: certificate has expired or is not yet valid: current time ${new Date(now).toISOString().replace('.000Z', 'Z')} is after ${new Date(notAfter).toISOString().replace('.000Z', 'Z')}`,
    ]);
  });

  it('notes a certificate close to expiry without calling it a problem', async () => {
    const cert = new X509Certificate(new TextDecoder().decode(good.get('server.pem')));
    const result = await checkLayout(good, { now: Date.parse(cert.validTo) - 10 * DAY - 1000 });
    const server = entry(result, 'server.pem');
    expect(server.problems).toEqual([]);
    expect(server.daysLeft).toBe(10);
    expect(server.notes.some((n) => n.endsWith('(10 days): renew it soon'))).toBe(true);
  });

  it('flags a missing key and an unparseable certificate, naming the files', async () => {
    const dir = new Map(good);
    dir.delete('client-key.pem');
    dir.set('server.pem', new TextEncoder().encode('garbage'));
    const result = await checkLayout(dir);
    expect(entry(result, 'client.pem').problems).toEqual(['client-key.pem is missing (the private key of client.pem)']);
    expect(entry(result, 'server.pem').problems[0]).toMatch(/^cannot parse the certificate: /);
  });

  it('reports a directory without a CA', async () => {
    const dir = new Map(good);
    dir.delete('ca.pem');
    const result = await checkLayout(dir);
    expect(result.problems).toEqual(['no CA certificate: expected ca.pem (or exactly one self-signed CA certificate)']);
  });

  it('reports a temporary file left by a killed write as a problem of the directory, naming it', async () => {
    const files = new Map(good);
    files.set('.ca-key.pem.0123456789ab.tmp', files.get('ca-key.pem') as Uint8Array);
    const result = await checkLayout(files);
    expect(result.problems).toEqual([
      '.ca-key.pem.0123456789ab.tmp: left behind by an interrupted write of ca-key.pem (it may hold a private key): remove it',
    ]);
    expect(result.problemCount).toBe(1);
  });
});
