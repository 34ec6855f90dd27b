// cfssl-ts multirootca against real cfssl 1.2 clients, and the cfssl-ts client against real multirootca (Debian
// golang-cfssl 1.2): authsign by label, info by label, wrong HMAC, nets ACL, /metrics, dbconfig rows; openssl verifies.
import { createHmac } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpExchange } from '@cfssl-ts/test-support/http-exchange';
import { startMultirootca, type RunningMultirootca, writeAuthRemoteConfig } from '@cfssl-ts/test-support/multirootca';
import { fixturePath, REPO_ROOT } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';

const haveJudges = requireTool('cfssl') && requireTool('multirootca') && requireTool('openssl') && requireTool('sqlite3');
const inputs = (name: string) => fixturePath('golden', 'serve-1.6.5-sample', 'inputs', name);
// config.json's auth key "primary" (profiles auth, authrot).
const KEY_HEX = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';
const WRONG_HEX = 'ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

const ROOTS = `# cfssl-ts multirootca test roots
[ primary ]
private = file://ca-key.pem
certificate = ca.pem
config = config.json

[ second ]
private = "file://int-key.pem"
certificate = int.pem
config = config.json
dbconfig = db.json

[ fenced ]
private = file://ca-key.pem
certificate = ca.pem
config = config.json
nets = 10.0.0.0/8, fd00::/8
`;

interface Envelope {
  success: boolean;
  result: { certificate?: string } | null;
  errors: { code: number; message: string }[];
}

describe.skipIf(!haveJudges)('multirootca: cfssl-ts server with real cfssl 1.2 clients, cfssl-ts client with real multirootca', () => {
  let dir: string;
  let ts: RunningMultirootca;
  let real: RunningMultirootca;
  const started: RunningMultirootca[] = [];
  const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  const cfssl = (...args: string[]) => run('cfssl', args);
  const cfsslTs = (...args: string[]) => run(process.execPath, [join(REPO_ROOT, 'packages', 'cli', 'bin', 'cfssl-ts.js'), ...args]);
  // An auth_remote client config for the server on `port` with the hex key `key`.
  const clientConfig = (name: string, port: number, key: string) =>
    writeAuthRemoteConfig(dir, name, `http://127.0.0.1:${String(port)}`, key, ['auth', 'authrot']);
  const certOf = (stdout: string) => (JSON.parse(stdout) as { cert: string }).cert;
  const openssl = (pem: string, ...args: string[]) => {
    writeFileSync(join(dir, 'out.pem'), pem);
    return run(
      'openssl',
      args.map((a) => (a === '@' ? 'out.pem' : a)),
    );
  };
  const verify = (pem: string, chain: 'root' | 'intermediate') =>
    openssl(pem, 'verify', '-CAfile', 'ca.pem', ...(chain === 'intermediate' ? ['-untrusted', 'int.pem'] : []), '@').stdout.trim();
  const issuerOf = (pem: string) => openssl(pem, 'x509', '-noout', '-issuer', '-in', '@').stdout.trim();
  const serialOf = (pem: string) =>
    BigInt(`0x${openssl(pem, 'x509', '-noout', '-serial', '-in', '@').stdout.trim().split('=')[1]!}`).toString();
  const metrics = async (port: number) => (await httpExchange(port, 'GET', '/metrics')).body.toString('utf8');
  const counter = (text: string, series: string) =>
    Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  // A raw authsign body: inner request JSON, HMAC with `keyHex`.
  const authBody = (inner: object, keyHex = KEY_HEX) => {
    const bytes = Buffer.from(JSON.stringify(inner));
    return JSON.stringify({
      timestamp: Math.floor(Date.now() / 1000),
      token: createHmac('sha256', Buffer.from(keyHex, 'hex')).update(bytes).digest().toString('base64'),
      request: bytes.toString('base64'),
    });
  };
  const authsign = async (port: number, body: string) => {
    const r = await httpExchange(port, 'POST', '/api/v1/cfssl/authsign', { 'Content-Type': 'application/json' }, body);
    return { status: r.status, headers: r.headers, body: JSON.parse(r.body.toString('utf8')) as Envelope };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cfssl-ts-multirootca-'));
    for (const f of ['ca.pem', 'ca-key.pem', 'int.pem', 'int-key.pem', 'config.json', 'leaf.csr', 'leaf-csr.json']) {
      copyFileSync(inputs(f), join(dir, f));
    }
    const schema = run('sqlite3', ['certs.db', `.read ${inputs('certdb-schema.sql')}`]);
    expect(schema.status, schema.stderr).toBe(0);
    writeFileSync(join(dir, 'db.json'), '{"driver":"sqlite3","data_source":"certs.db"}');
    writeFileSync(join(dir, 'roots.conf'), ROOTS);
    // Debian's 1.2 multirootca has no sqlite3 driver: its roots file leaves dbconfig out.
    writeFileSync(join(dir, 'roots-real.conf'), ROOTS.replace('dbconfig = db.json\n', ''));
    ts = await startMultirootca('cfssl-ts', ['-roots', 'roots.conf', '-l', 'primary'], dir);
    started.push(ts);
    real = await startMultirootca('cfssl', ['-roots', 'roots-real.conf', '-l', 'primary'], dir);
    started.push(real);
  }, 60_000);
  afterAll(async () => {
    await Promise.all(started.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  describe('real cfssl 1.2 client → cfssl-ts multirootca', () => {
    it('sign with an auth_remote profile: the default label signs, openssl verifies, the log names the signature', async () => {
      const r = cfssl('sign', '-config', clientConfig('c.json', ts.port, KEY_HEX), '-profile', 'auth', 'leaf.csr');
      expect(r.status, r.stderr).toBe(0);
      const pem = certOf(r.stdout);
      expect(verify(pem, 'root')).toBe('out.pem: OK');
      expect(issuerOf(pem)).toContain('CN = Serve Capture Root CA');
      const line = `label=primary, profile=auth, serialno=${serialOf(pem)}`;
      // the server's stderr reaches this process a moment after the client's exit
      for (let i = 0; i < 100 && !ts.log().includes(line); i++) await new Promise((r) => setTimeout(r, 20));
      expect(ts.log()).toContain(line);
    });

    it('-label second signs with the second root, and its dbconfig records the row (sqlite3 reads it)', () => {
      const r = cfssl('sign', '-config', clientConfig('c.json', ts.port, KEY_HEX), '-profile', 'authrot', '-label', 'second', 'leaf.csr');
      expect(r.status, r.stderr).toBe(0);
      const pem = certOf(r.stdout);
      expect(issuerOf(pem)).toContain('CN = Serve Capture Intermediate CA');
      expect(verify(pem, 'intermediate')).toBe('out.pem: OK');
      const row = run('sqlite3', ['-separator', '|', 'certs.db', 'SELECT serial_number, ca_label, status, reason FROM certificates']);
      expect(row.stdout.trim()).toBe(`${serialOf(pem)}|second|good|0`);
      const stored = run('sqlite3', ['certs.db', 'SELECT pem FROM certificates']).stdout.trim();
      expect(stored).toBe(pem.trim());
    });

    it('gencert through an auth_remote profile makes a key and a certificate openssl verifies', () => {
      const r = cfssl('gencert', '-config', clientConfig('c.json', ts.port, KEY_HEX), '-profile', 'auth', 'leaf-csr.json');
      expect(r.status, r.stderr).toBe(0);
      expect(verify(certOf(r.stdout), 'root')).toBe('out.pem: OK');
    });

    it('info -remote -label returns that root; an unknown label is 400 "bad label"', () => {
      const second = cfssl('info', '-remote', `http://127.0.0.1:${String(ts.port)}`, '-label', 'second');
      expect(second.status, second.stderr).toBe(0);
      expect((JSON.parse(second.stdout) as { certificate: string }).certificate).toBe(readFileSync(inputs('int.pem'), 'utf8').trim());
      const byDefault = cfssl('info', '-remote', `http://127.0.0.1:${String(ts.port)}`);
      expect((JSON.parse(byDefault.stdout) as { certificate: string }).certificate).toBe(readFileSync(inputs('ca.pem'), 'utf8').trim());
      const unknown = cfssl('info', '-remote', `http://127.0.0.1:${String(ts.port)}`, '-label', 'nosuch');
      expect(unknown.status).toBe(1);
      expect(unknown.stderr).toContain('bad label');
    });

    it('a wrong HMAC key is refused with "invalid token" (400, code 1)', () => {
      const r = cfssl('sign', '-config', clientConfig('wrong.json', ts.port, WRONG_HEX), '-profile', 'auth', 'leaf.csr');
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('{\\"code\\":1,\\"message\\":\\"invalid token\\"}');
    });

    it('a label whose nets exclude 127.0.0.1 refuses with 403 "not authorised", even with the right key', () => {
      const r = cfssl('sign', '-config', clientConfig('c.json', ts.port, KEY_HEX), '-profile', 'auth', '-label', 'fenced', 'leaf.csr');
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('not authorised');
    });
  });

  describe('cfssl-ts client → real multirootca (1.2)', () => {
    it('sign with an auth_remote profile, by default label and by -label', () => {
      const r = cfsslTs('sign', '-config', clientConfig('r.json', real.port, KEY_HEX), '-profile', 'auth', 'leaf.csr');
      expect(r.status, r.stderr).toBe(0);
      expect(verify(certOf(r.stdout), 'root')).toBe('out.pem: OK');
      const second = cfsslTs(
        'sign',
        '-config',
        clientConfig('r.json', real.port, KEY_HEX),
        '-profile',
        'auth',
        '-label',
        'second',
        'leaf.csr',
      );
      expect(second.status, second.stderr).toBe(0);
      expect(issuerOf(certOf(second.stdout))).toContain('CN = Serve Capture Intermediate CA');
      expect(verify(certOf(second.stdout), 'intermediate')).toBe('out.pem: OK');
    });

    it('gencert and info -remote -label', () => {
      const g = cfsslTs('gencert', '-config', clientConfig('r.json', real.port, KEY_HEX), '-profile', 'auth', 'leaf-csr.json');
      expect(g.status, g.stderr).toBe(0);
      expect(verify(certOf(g.stdout), 'root')).toBe('out.pem: OK');
      const i = cfsslTs('info', '-remote', `127.0.0.1:${String(real.port)}`, '-label', 'second');
      expect(i.status, i.stderr).toBe(0);
      expect((JSON.parse(i.stdout) as { certificate: string }).certificate).toBe(readFileSync(inputs('int.pem'), 'utf8').trim());
    });

    it('a wrong HMAC key and a fenced label are refused as real multirootca refuses them', () => {
      const wrong = cfsslTs('sign', '-config', clientConfig('rw.json', real.port, WRONG_HEX), '-profile', 'auth', 'leaf.csr');
      expect(wrong.status).toBe(1);
      expect(wrong.stderr).toContain('invalid token');
      const fenced = cfsslTs(
        'sign',
        '-config',
        clientConfig('r.json', real.port, KEY_HEX),
        '-profile',
        'auth',
        '-label',
        'fenced',
        'leaf.csr',
      );
      expect(fenced.status).toBe(1);
      expect(fenced.stderr).toContain('not authorised');
    });
  });

  describe('the same raw requests to both servers: status, envelope and message alike', () => {
    const csr = () => readFileSync(inputs('leaf.csr'), 'utf8');
    const cases: [string, () => string | undefined, number, string][] = [
      ['bad outer JSON', () => '{', 400, 'unexpected end of JSON input'],
      ['unknown label', () => authBody({ certificate_request: csr(), profile: 'auth', label: 'nosuch' }), 400, 'bad request'],
      ['unknown profile', () => authBody({ certificate_request: csr(), profile: 'nosuch' }), 400, 'invalid profile'],
      ['profile without auth key', () => authBody({ certificate_request: csr(), profile: 'server' }), 401, 'authorisation required'],
      ['wrong key', () => authBody({ certificate_request: csr(), profile: 'auth' }, WRONG_HEX), 400, 'invalid token'],
      ['empty CSR', () => authBody({ certificate_request: '', profile: 'auth' }), 400, 'invalid request'],
      ['garbage CSR', () => authBody({ certificate_request: 'garbage', profile: 'auth' }), 400, 'bad request'],
      ['fenced label', () => authBody({ certificate_request: csr(), profile: 'auth', label: 'fenced' }), 403, 'not authorised'],
    ];
    it.each(cases)('%s', async (_name, body, status, message) => {
      for (const server of [real, ts]) {
        const r = await authsign(server.port, body()!);
        expect(r.status, `${String(server.port)} ${JSON.stringify(r.body)}`).toBe(status);
        expect(r.body).toEqual({ success: false, result: null, errors: [{ code: 1, message }], messages: [] });
        expect(r.headers['content-type']).toBe('text/plain; charset=utf-8');
      }
    });

    it('GET is 405 "only POST is permitted"; an unknown path is 404', async () => {
      for (const server of [real, ts]) {
        const r = await httpExchange(server.port, 'GET', '/api/v1/cfssl/authsign');
        expect(r.status).toBe(405);
        expect(r.body.toString()).toBe(
          '{"success":false,"result":null,"errors":[{"code":1,"message":"only POST is permitted"}],"messages":[]}\n',
        );
        expect((await httpExchange(server.port, 'GET', '/api/v1/cfssl/sign')).status).toBe(404);
      }
    });

    it('cfssl-ts dumps a refused request to stdout as cfssl does', () => {
      expect(ts.stdout()).toMatch(/^POST \/api\/v1\/cfssl\/authsign HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\n/m);
    });
  });

  describe('the full SignRequest is honoured (crl_override, NotBefore/NotAfter)', () => {
    it('signs with the requested CRL distribution point and validity', async () => {
      const r = await authsign(
        ts.port,
        authBody({
          certificate_request: readFileSync(inputs('leaf.csr'), 'utf8'),
          profile: 'auth',
          crl_override: 'http://crl.override.test/x.crl',
          NotBefore: '2030-01-02T03:04:05Z',
          NotAfter: '2031-01-02T03:04:05Z',
        }),
      );
      expect(r.status).toBe(200);
      const pem = r.body.result!.certificate!;
      const text = openssl(pem, 'x509', '-noout', '-text', '-in', '@').stdout;
      expect(text).toContain('URI:http://crl.override.test/x.crl');
      expect(text).toContain('Not Before: Jan  2 03:04:05 2030 GMT');
      expect(text).toContain('Not After : Jan  2 03:04:05 2031 GMT');
    });
  });

  describe('/metrics (Prometheus text)', () => {
    it('requests_total moves on a signature, requests_errored_total on a failed one, bad_inputs_total on refusals', async () => {
      const before = await metrics(ts.port);
      const ok = await authsign(ts.port, authBody({ certificate_request: readFileSync(inputs('leaf.csr'), 'utf8'), profile: 'auth' }));
      expect(ok.status).toBe(200);
      const failed = await authsign(ts.port, authBody({ certificate_request: 'garbage', profile: 'auth', label: 'second' }));
      expect(failed.status).toBe(400);
      const refused = await authsign(ts.port, authBody({ certificate_request: 'x', profile: 'auth' }, WRONG_HEX));
      expect(refused.status).toBe(400);
      const after = await metrics(ts.port);
      const delta = (series: string) => counter(after, series) - counter(before, series);
      expect(delta('requests_total{operation="sign",signer="primary"}')).toBe(2);
      expect(delta('requests_total{operation="sign",signer="second"}')).toBe(1);
      expect(delta('requests_errored_total{operation="sign",signer="second"}')).toBe(1);
      expect(delta('requests_errored_total{operation="sign",signer="primary"}')).toBe(0);
      expect(delta('bad_inputs_total{operation="sign"}')).toBe(2);
      const r = await httpExchange(ts.port, 'GET', '/metrics');
      expect(r.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(after).toContain('# TYPE requests_total counter\n');
      // every line is a comment or `name{labels} value` (text exposition format 0.0.4)
      for (const line of after.trimEnd().split('\n')) expect(line).toMatch(/^(# (HELP|TYPE) \w+ .+|\w+\{(\w+="[^"]*",?)+\} \d+)$/);
    });
  });
});
