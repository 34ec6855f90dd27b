// OCSP (reference §2.12, §2.14, §6.7): `cfssl-ts ocspsign` against real cfssl 1.2 `ocspsign` (fields, and bytes
// at the same clock since the responder key is RSA), judged by `openssl ocsp -respin`; `cfssl-ts ocspserve`
// queried by `openssl ocsp -url` (good / revoked with reason / unknown serial, times, caching headers, 304);
// real `cfssl ocspserve` serving cfssl-ts's responses and cfssl-ts serving cfssl's.
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@cfssl-ts/test-support/cfssl-serve';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { binPath } from '@cfssl-ts/test-support/run-bin';
import { cfsslTs, runAsync } from '@cfssl-ts/test-support/run-async';

const haveOpenssl = requireTool('openssl');
const haveCfssl = requireTool('cfssl');
const signFlags = ['-ca', 'ca.pem', '-responder', 'responder.pem', '-responder-key', 'responder-key.pem', '-cert', 'leaf.pem'];
const children: ChildProcess[] = [];
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ocsp-interop-'));
  for (const f of readdirSync(fixturePath('ocsp'))) copyFileSync(fixturePath('ocsp', f), join(dir, f));
});
afterAll(async () => {
  await Promise.all(
    children.map((c) => (c.exitCode !== null ? Promise.resolve() : new Promise((r) => (c.once('exit', r), c.kill('SIGTERM'))))),
  );
});

function responseOf(stdout: string): Buffer {
  return Buffer.from((JSON.parse(stdout) as { ocspResponse: string }).ocspResponse, 'base64');
}

async function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
  });
}

async function startOcspserve(cmd: string, responses: string): Promise<number> {
  const port = await freePort();
  const child = spawn(cmd, ['ocspserve', '-address', '127.0.0.1', '-port', String(port), '-responses', responses], {
    cwd: dir,
    stdio: 'ignore',
  });
  children.push(child);
  for (let i = 0; i < 100 && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 100));
  return port;
}

async function openssl(args: string[]): Promise<string> {
  const r = await runAsync('openssl', args, dir);
  return r.stdout + r.stderr;
}

describe.runIf(haveOpenssl && haveCfssl)('cfssl-ts ocspsign against cfssl 1.2 ocspsign', () => {
  for (const [status, extra] of [
    ['good', []],
    ['unknown', []],
    ['revoked', ['-reason', 'superseded', '-revoked-at', '2025-03-04']],
  ] as const) {
    it(`${status}: the same bytes as cfssl at cfssl's clock, and openssl verifies it with the responder`, async () => {
      const theirs = await runAsync('cfssl', ['ocspsign', ...signFlags, '-status', status, ...extra], dir);
      expect(theirs.status).toBe(0);
      const theirDer = responseOf(theirs.stdout);
      writeFileSync(join(dir, `c-${status}.der`), theirDer);
      // producedAt (the minute cfssl ran in) is the clock: parse it from openssl's text.
      const text = await openssl(['ocsp', '-respin', `c-${status}.der`, '-resp_text', '-noverify']);
      const produced = new Date(/Produced At: (.*)/.exec(text)![1]!.trim()).toISOString();
      const ours = await cfsslTs(['ocspsign', ...signFlags, '-status', status, ...extra, '--now', produced], dir);
      expect(ours.stderr).toBe('');
      expect(ours.stdout).toMatch(/^\{"ocspResponse":"[A-Za-z0-9+/=]+"\}\n$/);
      const ourDer = responseOf(ours.stdout);
      expect(ourDer.toString('hex')).toBe(theirDer.toString('hex'));
      writeFileSync(join(dir, `t-${status}.der`), ourDer);
      const judged = await openssl(['ocsp', '-respin', `t-${status}.der`, '-issuer', 'ca.pem', '-VAfile', 'responder.pem', '-resp_text']);
      expect(judged).toContain('Response verify OK');
      expect(judged).toContain(`Cert Status: ${status}`);
      if (status === 'revoked') {
        expect(judged).toContain('Revocation Reason: superseded (0x4)');
        expect(judged).toContain('Revocation Time: Mar  4 00:00:00 2025 GMT');
      }
    });
  }

  it('errors as cfssl: bad status 8200, a certificate of another issuer 8100, a bad reason', async () => {
    const bad = await cfsslTs(['ocspsign', ...signFlags, '-status', 'bogus'], dir);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('[CRITICAL] Unable to sign OCSP response: Invalid revocation status');
    expect(bad.stderr).toContain('{"code":8200,"message":"Invalid revocation status"}');
    const other = await cfsslTs(
      ['ocspsign', '-ca', 'responder.pem', '-responder', 'responder.pem', '-responder-key', 'responder-key.pem', '-cert', 'leaf.pem'],
      dir,
    );
    expect(other.stderr).toContain('{"code":8100,"message":"Certificate not issued by this issuer"}');
    const cfsslOther = await runAsync(
      'cfssl',
      ['ocspsign', '-ca', 'responder.pem', '-responder', 'responder.pem', '-responder-key', 'responder-key.pem', '-cert', 'leaf.pem'],
      dir,
    );
    expect(cfsslOther.stderr).toContain('{"code":8100,"message":"Certificate not issued by this issuer"}');
    const reason = await cfsslTs(['ocspsign', ...signFlags, '-status', 'revoked', '-reason', '0'], dir);
    expect(reason.stderr).toContain('[CRITICAL] Invalid reason code: Invalid revocation status');
  });
});

describe.runIf(haveOpenssl && haveCfssl)('ocspserve judged by openssl ocsp -url', () => {
  let file = '';
  beforeAll(async () => {
    // good for leaf (cfssl-ts), revoked for other (cfssl-ts); the third serial is absent
    const good = await cfsslTs(['ocspsign', ...signFlags, '-status', 'good'], dir);
    const revoked = await cfsslTs(
      [
        'ocspsign',
        ...signFlags.slice(0, 6),
        '-cert',
        'other.pem',
        '-status',
        'revoked',
        '-reason',
        'keyCompromise',
        '-revoked-at',
        '2024-05-06',
      ],
      dir,
    );
    file = 'responses.txt';
    writeFileSync(join(dir, file), `${responseOf(good.stdout).toString('base64')}\n${responseOf(revoked.stdout).toString('base64')}\n`);
  });

  for (const server of ['cfssl-ts', 'cfssl'] as const) {
    it(`${server} ocspserve -responses (made by cfssl-ts): good, revoked with reason and time, unknown serial unauthorized`, async () => {
      const port = await startOcspserve(server === 'cfssl' ? 'cfssl' : binPath('cfssl-ts'), file);
      const url = `http://127.0.0.1:${port}`;
      const ask = (cert: string) =>
        openssl(['ocsp', '-issuer', 'ca.pem', '-cert', cert, '-url', url, '-VAfile', 'responder.pem', '-resp_text', '-no_nonce']);
      const good = await ask('leaf.pem');
      expect(good).toContain('Response verify OK');
      expect(good).toMatch(/leaf\.pem: good\n\s+This Update: .*\n\s+Next Update: /);
      const revoked = await ask('other.pem');
      expect(revoked).toMatch(/other\.pem: revoked/);
      expect(revoked).toContain('Reason: keyCompromise');
      expect(revoked).toContain('Revocation Time: May  6 00:00:00 2024 GMT');
      const unknown = await ask('responder.pem');
      expect(unknown).toMatch(/unauthorized/i);
    });
  }

  it('cfssl-ts ocspserve serves the responses real cfssl signed', async () => {
    const lines = ['good', 'revoked'].map((s) =>
      responseOf(JSON.stringify(JSON.parse(readFileSync(join(dir, `resp-${s}.json`), 'utf8')))).toString('base64'),
    );
    writeFileSync(join(dir, 'cfssl-responses.txt'), `${lines[1]} ${lines[0]}\n`);
    const port = await startOcspserve(binPath('cfssl-ts'), 'cfssl-responses.txt');
    const out = await openssl([
      'ocsp',
      '-issuer',
      'ca.pem',
      '-cert',
      'leaf.pem',
      '-url',
      `http://127.0.0.1:${port}`,
      '-VAfile',
      'responder.pem',
      '-no_nonce',
    ]);
    // both are for leaf's serial: the later entry wins, as in cfssl's map
    expect(out).toContain('Response verify OK');
    expect(out).toMatch(/leaf\.pem: good/);
  });

  it('HTTP behaviour of cfssl-ts ocspserve: GET base64 path, caching headers, ETag and 304, 405, 400 bodies', async () => {
    const port = await startOcspserve(binPath('cfssl-ts'), file);
    const base = `http://127.0.0.1:${port}`;
    const req = readFileSync(join(dir, 'request-leaf.der'));
    const get = await fetch(`${base}/${encodeURIComponent(req.toString('base64'))}`);
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('application/ocsp-response');
    expect(get.headers.get('cache-control')).toMatch(/^max-age=\d+, public, no-transform, must-revalidate$/);
    expect(get.headers.get('last-modified')).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:00:00 UTC$/);
    expect(get.headers.get('expires')).toMatch(/ UTC$/);
    const body = Buffer.from(await get.arrayBuffer());
    const { createHash } = await import('node:crypto');
    const etag = `"${createHash('sha256').update(body).digest('hex').toUpperCase()}"`;
    expect(get.headers.get('etag')).toBe(etag);
    const post = await fetch(base, { method: 'POST', body: req, headers: { 'If-None-Match': etag } });
    expect(post.status).toBe(304);
    expect(post.headers.get('etag')).toBe(etag);
    const put = await fetch(base, { method: 'PUT', body: req });
    expect(put.status).toBe(405);
    expect(put.headers.get('cache-control')).toBe('max-age=0, no-cache');
    const badB64 = await fetch(`${base}/%%%`);
    expect(badB64.status).toBe(400);
    const malformed = await fetch(base, { method: 'POST', body: Buffer.from('3000', 'hex') });
    expect(malformed.status).toBe(400);
    expect(Buffer.from(await malformed.arrayBuffer()).toString('hex')).toBe('30030a0101');
  });
});
