// Real cfssl 1.2 and cfssl-ts on one SQLite certificate database, through revocation and OCSP (issue 13):
// rows cfssl signed are revoked by cfssl-ts, refreshed by `cfssl-ts ocsprefresh` and answered by
// `cfssl-ts ocspserve -db-config`; rows cfssl-ts signed are revoked by `cfssl revoke`, refreshed by
// `cfssl ocsprefresh` and answered by cfssl-ts; each side's ocspdump feeds the other's `ocspserve -responses`.
// Judge: `openssl ocsp -VAfile` (status, reason, revocation time equal to the row's revoked_at).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCertdb, type SqlCertificateStore } from '@cfssl-ts/certdb';
import { startCfsslTsServe, type RunningCfsslTsServe } from '@cfssl-ts/test-support/cfssl-ts-serve';
import { freePort } from '@cfssl-ts/test-support/cfssl-serve';
import { makeOcspTestPki, opensslTime, serialOfPemFile } from '@cfssl-ts/test-support/ocsp-test-pki';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { cfsslTs, runAsync } from '@cfssl-ts/test-support/run-async';
import { spawn, type ChildProcess } from 'node:child_process';

const ready = requireTool('openssl') && requireTool('cfssl');
const refreshFlags = ['-db-config', 'db.json', '-ca', 'ca.pem', '-responder', 'responder.pem', '-responder-key', 'responder-key.pem'];

let dir = '';
let store: SqlCertificateStore;
const servers: RunningCfsslTsServe[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cfssl12-ocsp-'));
  if (!ready) return;
  await makeOcspTestPki(dir);
  writeFileSync(join(dir, 'db.json'), '{"driver":"sqlite3","data_source":"certs.db"}');
  expect((await cfsslTs(['certdb', 'migrate', '-db-config', 'db.json'], dir)).status).toBe(0);
  const key = await cfsslTs(['genkey', 'leaf.json'], dir);
  writeFileSync(join(dir, 'leaf.csr'), (JSON.parse(key.stdout) as { csr: string }).csr);
  store = await openCertdb({ driver: 'sqlite3', dataSource: join(dir, 'certs.db') });
}, 180_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  if (ready) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `signer sign -db-config db.json leaf.csr`, the certificate written to `<name>.pem`; its decimal serial. */
async function sign(signer: 'cfssl' | 'cfssl-ts', name: string): Promise<string> {
  const args = ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-db-config', 'db.json', 'leaf.csr'];
  const r = signer === 'cfssl' ? await runAsync('cfssl', args, dir) : await cfsslTs(args, dir);
  expect(r.status, r.stderr).toBe(0);
  writeFileSync(join(dir, `${name}.pem`), (JSON.parse(r.stdout) as { cert: string }).cert);
  return serialOfPemFile(join(dir, `${name}.pem`));
}

async function cfsslOcspserve(responses: string): Promise<string> {
  const port = await freePort();
  const child = spawn('cfssl', ['ocspserve', '-address', '127.0.0.1', '-port', String(port), '-responses', responses], { cwd: dir });
  children.push(child);
  let log = '';
  child.stderr.on('data', (c: Buffer) => (log += c.toString()));
  for (let i = 0; i < 200 && !log.includes('Now listening'); i++) await new Promise((r) => setTimeout(r, 50));
  return `http://127.0.0.1:${port}`;
}

async function cfsslTsOcspserve(args: string[]): Promise<string> {
  const s = await startCfsslTsServe(args, dir, 'ocspserve');
  servers.push(s);
  return `http://127.0.0.1:${s.port}`;
}

async function ask(url: string, cert: string): Promise<string> {
  const r = await runAsync(
    'openssl',
    ['ocsp', '-issuer', 'ca.pem', '-cert', `${cert}.pem`, '-url', url, '-VAfile', 'responder.pem', '-no_nonce', '-resp_text'],
    dir,
  );
  expect(r.stderr).toContain('Response verify OK');
  return r.stdout;
}

async function revokedAt(serial: string): Promise<string> {
  const row = (await store.list()).find((r) => r.serial === serial);
  if (row?.revokedAt == null) throw new Error(`${serial} has no revoked_at`);
  return opensslTime(row.revokedAt);
}

describe.runIf(ready)('cfssl 1.2 and cfssl-ts on one SQLite database, through OCSP', () => {
  it('rows cfssl signed: revoked through cfssl-ts serve, refreshed by cfssl-ts ocsprefresh, answered by cfssl-ts and (dumped) by cfssl', async () => {
    const revoked = await sign('cfssl', 'c-revoked');
    await sign('cfssl', 'c-good');
    // cfssl 1.2 stores an empty AKI (reference §0.1), which `revoke -aki` cannot name (cfssl requires the flag):
    // the serve endpoint takes authority_key_id "" as cfssl's does.
    const serve = await startCfsslTsServe(['-db-config', 'db.json'], dir);
    servers.push(serve);
    const res = await fetch(`http://127.0.0.1:${serve.port}/api/v1/cfssl/revoke`, {
      method: 'POST',
      body: JSON.stringify({ serial: revoked, authority_key_id: '', reason: 'keyCompromise' }),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    await serve.stop();

    const refresh = await cfsslTs(['ocsprefresh', ...refreshFlags], dir);
    expect(refresh.status, refresh.stderr).toBe(0);
    const url = await cfsslTsOcspserve(['-db-config', 'db.json']);
    const r = await ask(url, 'c-revoked');
    expect(r).toContain('c-revoked.pem: revoked');
    expect(r).toContain('Reason: keyCompromise');
    expect(r).toContain(`Revocation Time: ${await revokedAt(revoked)}`);
    expect(await ask(url, 'c-good')).toContain('c-good.pem: good');

    // our responses, dumped by cfssl 1.2's ocspdump, served by cfssl 1.2's ocspserve
    const dump = await runAsync('cfssl', ['ocspdump', '-db-config', 'db.json'], dir);
    expect(dump.status, dump.stderr).toBe(0);
    expect(dump.stdout.trim().split('\n')).toHaveLength(2);
    writeFileSync(join(dir, 'cfssl-dump.txt'), dump.stdout);
    const theirs = await cfsslOcspserve('cfssl-dump.txt');
    expect(await ask(theirs, 'c-revoked')).toContain('Reason: keyCompromise');
  }, 120_000);

  it('rows cfssl-ts signed: revoked by cfssl revoke, refreshed by cfssl ocsprefresh, answered by cfssl-ts; cfssl-ts ocspdump feeds cfssl ocspserve', async () => {
    const revoked = await sign('cfssl-ts', 't-revoked');
    await sign('cfssl-ts', 't-good');
    const aki = (await store.list()).find((row) => row.serial === revoked)?.authorityKeyId ?? '';
    expect(aki).toMatch(/^[0-9a-f]{40}$/);
    const rev = await runAsync('cfssl', ['revoke', '-db-config', 'db.json', '-serial', revoked, '-aki', aki, '-reason', 'superseded'], dir);
    expect(rev.status, rev.stderr).toBe(0);

    const refresh = await runAsync('cfssl', ['ocsprefresh', ...refreshFlags], dir);
    expect(refresh.status, refresh.stderr).toBe(0);
    const url = await cfsslTsOcspserve(['-db-config', 'db.json']);
    const r = await ask(url, 't-revoked');
    expect(r).toContain('t-revoked.pem: revoked');
    expect(r).toContain('Reason: superseded');
    expect(r).toContain(`Revocation Time: ${await revokedAt(revoked)}`);
    expect(await ask(url, 't-good')).toContain('t-good.pem: good');
    // the rows cfssl signed, refreshed by cfssl this time, still answered
    expect(await ask(url, 'c-revoked')).toContain('Reason: keyCompromise');

    const dump = await cfsslTs(['ocspdump', '-db-config', 'db.json'], dir);
    expect(dump.status, dump.stderr).toBe(0);
    expect(dump.stdout.trim().split('\n')).toHaveLength(4);
    writeFileSync(join(dir, 'ours-dump.txt'), dump.stdout);
    const theirs = await cfsslOcspserve('ours-dump.txt');
    expect(await ask(theirs, 't-revoked')).toContain('Reason: superseded');
    expect(await ask(theirs, 't-good')).toContain('t-good.pem: good');
  }, 120_000);
});
