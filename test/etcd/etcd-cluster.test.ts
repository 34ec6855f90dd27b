// The etcd tutorial, for real: cfssl-ts etcd-cert for 127.0.0.1-3, three etcd members with client and peer mutual TLS
// exactly as the tutorial's etcd.conf sets them, then etcdctl as the judge.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ETCD_READY_WITHIN_MS,
  ETCD_STOP_WITHIN_MS,
  clientUrl,
  etcdctl as etcdctlWith,
  killAllNow,
  planEtcdMembers,
  sleep,
  startMember,
  stopMember,
  waitForHealth,
  type EtcdMember as Member,
  type EtcdTls,
  type EtcdctlResult as CtlResult,
} from '@cfssl-ts/test-support/etcd-cluster';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';

const HOSTS = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];

const haveEtcd = requireTool('etcd') && requireTool('etcdctl');

let root = '';
let certs = '';
let foreign = '';
let members: Member[] = [];
const killMembers = (): void => killAllNow(members);

const layoutTls = (): EtcdTls => ({ ca: join(certs, 'ca.pem'), cert: join(certs, 'server.pem'), key: join(certs, 'server-key.pem') });
const etcdctl = (args: readonly string[], tls: { cert: string; key: string } = layoutTls()): Promise<CtlResult> =>
  etcdctlWith(args, { ca: join(certs, 'ca.pem'), ...tls });

describe.skipIf(!haveEtcd)('a 3-member etcd cluster on cfssl-ts etcd-cert certificates, mutual TLS for clients and peers', () => {
  let health: CtlResult;

  beforeAll(async () => {
    process.once('exit', killMembers);
    root = mkdtempSync(join(tmpdir(), 'cfssl-ts-etcd-'));
    const made = runBin('cfssl-ts', ['etcd-cert', '-dir', 'etcd-cert', '-hosts', HOSTS.join(',')], root);
    if (made.status !== 0) throw new Error(`cfssl-ts etcd-cert failed: ${made.stderr}`);
    certs = join(root, 'etcd-cert');
    // a second, unrelated CA: its certificate must not get a client in
    const other = runBin('cfssl-ts', ['etcd-cert', '-dir', 'foreign-cert', '-hosts', '127.0.0.1'], root);
    if (other.status !== 0) throw new Error(`cfssl-ts etcd-cert (foreign) failed: ${other.stderr}`);
    foreign = join(root, 'foreign-cert');

    members = await planEtcdMembers(root, HOSTS, layoutTls);
    for (const m of members) startMember(m, members);
    health = await waitForHealth(members, layoutTls());
  }, ETCD_READY_WITHIN_MS + 30_000);

  afterAll(
    async () => {
      await Promise.all(members.map(stopMember));
      process.removeListener('exit', killMembers);
      if (root !== '') rmSync(root, { recursive: true, force: true });
    },
    ETCD_STOP_WITHIN_MS * 3 + 10_000,
  );

  it('etcdctl endpoint health reports all three members healthy over TLS', () => {
    // etcdctl 3.4 prints one line per endpoint on stderr
    const report = health.stdout + health.stderr;
    for (const m of members) expect(report).toContain(`${clientUrl(m)} is healthy: successfully committed proposal`);
  });

  it('a key written through one member is read through another', async () => {
    const [first, , third] = members as [Member, Member, Member];
    const put = await etcdctl([`--endpoints=${clientUrl(first)}`, 'put', '/cfssl-ts/tutorial', 'written through etcd01']);
    expect(put.code, put.stderr).toBe(0);
    expect(put.stdout).toBe('OK\n');
    const get = await etcdctl([`--endpoints=${clientUrl(third)}`, 'get', '/cfssl-ts/tutorial', '--print-value-only']);
    expect(get.code, get.stderr).toBe(0);
    expect(get.stdout).toBe('written through etcd01\n');
  });

  it("refuses a client certificate from a foreign CA, and still serves the layout's own", async () => {
    const second = members[1] as Member;
    const endpoint = `--endpoints=${clientUrl(second)}`;
    const refused = await etcdctl([endpoint, 'get', '/cfssl-ts/tutorial'], {
      cert: join(foreign, 'server.pem'),
      key: join(foreign, 'server-key.pem'),
    });
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toBe('');
    // etcd says why in its log: Go's crypto/tls rejecting the client certificate
    await sleep(500);
    expect(readFileSync(second.log, 'utf8')).toMatch(
      /rejected connection from .*tls: failed to verify client('s)? certificate: x509: certificate signed by unknown authority/,
    );
    const accepted = await etcdctl([endpoint, 'get', '/cfssl-ts/tutorial', '--print-value-only']);
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stdout).toBe('written through etcd01\n');
  });

  it('cfssl-ts check agrees with etcd about the layout', () => {
    const r = runBin('cfssl-ts', ['check', 'etcd-cert'], root);
    expect(r.status, r.stdout).toBe(0);
    expect(r.stdout).toContain('valid for every host in server-csr.json: 127.0.0.1, 127.0.0.2, 127.0.0.3');
  });
});
