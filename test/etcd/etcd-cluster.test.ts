// The etcd tutorial, for real: cfssl-ts etcd-cert for 127.0.0.1-3, three etcd members with client and peer mutual TLS
// exactly as the tutorial's etcd.conf sets them, then etcdctl as the judge.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '@cfssl-ts/test-support/require-tool';
import { runBin } from '@cfssl-ts/test-support/run-bin';

const HOSTS = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
const READY_WITHIN_MS = 90_000;
const STOP_WITHIN_MS = 8_000;

const haveEtcd = requireTool('etcd') && requireTool('etcdctl');

interface Member {
  name: string;
  host: string;
  clientPort: number;
  peerPort: number;
  dataDir: string;
  log: string;
  process?: ChildProcess;
  exited?: Promise<void>;
}

let root = '';
let certs = '';
let foreign = '';
const members: Member[] = [];

const clientUrl = (m: Member): string => `https://${m.host}:${m.clientPort}`;
const peerUrl = (m: Member): string => `https://${m.host}:${m.peerPort}`;

// Ask the kernel for a free port on each host; keep them all bound until every one is chosen so none repeats.
async function freePorts(hosts: readonly string[]): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (const host of hosts) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, host, () => resolve());
      });
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      ports.push(address.port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

// Go's GOARCH for this machine: etcd 3.4 refuses to start on other architectures unless ETCD_UNSUPPORTED_ARCH names it.
function goArch(): string {
  const map: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    ia32: '386',
    ppc64: 'ppc64le',
    s390x: 's390x',
    riscv64: 'riscv64',
  };
  return map[process.arch] ?? process.arch;
}

function logTail(m: Member, lines = 25): string {
  if (!existsSync(m.log)) return '(no log)';
  return readFileSync(m.log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

function startMember(m: Member, cluster: string): void {
  const out = openSync(m.log, 'a');
  // The tutorial's etcd.conf and unit file: same certificate for client and peer TLS, client certificates required on both.
  const args = [
    `--name=${m.name}`,
    `--data-dir=${m.dataDir}`,
    `--listen-peer-urls=${peerUrl(m)}`,
    `--listen-client-urls=${clientUrl(m)}`,
    `--advertise-client-urls=${clientUrl(m)}`,
    `--initial-advertise-peer-urls=${peerUrl(m)}`,
    `--initial-cluster=${cluster}`,
    '--initial-cluster-token=etcd-cluster',
    '--initial-cluster-state=new',
    `--cert-file=${join(certs, 'server.pem')}`,
    `--key-file=${join(certs, 'server-key.pem')}`,
    `--peer-cert-file=${join(certs, 'server.pem')}`,
    `--peer-key-file=${join(certs, 'server-key.pem')}`,
    `--trusted-ca-file=${join(certs, 'ca.pem')}`,
    `--peer-trusted-ca-file=${join(certs, 'ca.pem')}`,
    '--client-cert-auth',
    '--peer-client-cert-auth',
  ];
  const child = spawn('etcd', args, {
    stdio: ['ignore', out, out],
    env: { ...process.env, ETCD_UNSUPPORTED_ARCH: goArch() },
  });
  closeSync(out);
  m.process = child;
  m.exited = new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopMember(m: Member): Promise<void> {
  const child = m.process;
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const stopped = await Promise.race([m.exited?.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), STOP_WITHIN_MS))]);
  if (!stopped) {
    child.kill('SIGKILL');
    await m.exited;
  }
}

// Last resort if the test process dies: no etcd outlives it.
function killAllNow(): void {
  for (const m of members) if (m.process?.exitCode === null && m.process.signalCode === null) m.process.kill('SIGKILL');
}

interface CtlResult {
  code: number;
  stdout: string;
  stderr: string;
}

function etcdctl(
  args: readonly string[],
  tls: { cert: string; key: string } = { cert: join(certs, 'server.pem'), key: join(certs, 'server-key.pem') },
): Promise<CtlResult> {
  const full = [
    `--cacert=${join(certs, 'ca.pem')}`,
    `--cert=${tls.cert}`,
    `--key=${tls.key}`,
    '--dial-timeout=3s',
    '--command-timeout=5s',
    ...args,
  ];
  return new Promise((resolve) => {
    execFile('etcdctl', full, { timeout: 20_000, env: { ...process.env, ETCDCTL_API: '3' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForHealth(): Promise<CtlResult> {
  const deadline = Date.now() + READY_WITHIN_MS;
  let last: CtlResult = { code: -1, stdout: '', stderr: '' };
  while (Date.now() < deadline) {
    const dead = members.find((m) => m.process?.exitCode !== null || m.process.signalCode !== null);
    if (dead !== undefined) throw new Error(`${dead.name} exited early:\n${logTail(dead)}`);
    last = await etcdctl([`--endpoints=${members.map(clientUrl).join(',')}`, 'endpoint', 'health']);
    if (last.code === 0) return last;
    await sleep(500);
  }
  throw new Error(
    `cluster not healthy within ${READY_WITHIN_MS} ms: ${last.stderr}\n${members.map((m) => `--- ${m.name}\n${logTail(m)}`).join('\n')}`,
  );
}

describe.skipIf(!haveEtcd)('a 3-member etcd cluster on cfssl-ts etcd-cert certificates, mutual TLS for clients and peers', () => {
  let health: CtlResult;

  beforeAll(async () => {
    process.once('exit', killAllNow);
    root = mkdtempSync(join(tmpdir(), 'cfssl-ts-etcd-'));
    const made = runBin('cfssl-ts', ['etcd-cert', '-dir', 'etcd-cert', '-hosts', HOSTS.join(',')], root);
    if (made.status !== 0) throw new Error(`cfssl-ts etcd-cert failed: ${made.stderr}`);
    certs = join(root, 'etcd-cert');
    // a second, unrelated CA: its certificate must not get a client in
    const other = runBin('cfssl-ts', ['etcd-cert', '-dir', 'foreign-cert', '-hosts', '127.0.0.1'], root);
    if (other.status !== 0) throw new Error(`cfssl-ts etcd-cert (foreign) failed: ${other.stderr}`);
    foreign = join(root, 'foreign-cert');

    const ports = await freePorts([...HOSTS, ...HOSTS]);
    HOSTS.forEach((host, i) => {
      const dataDir = join(root, `etcd0${i + 1}.etcd`);
      mkdirSync(dataDir, { mode: 0o700 });
      members.push({
        name: `etcd0${i + 1}`,
        host,
        clientPort: ports[i] as number,
        peerPort: ports[i + HOSTS.length] as number,
        dataDir,
        log: join(root, `etcd0${i + 1}.log`),
      });
    });
    const cluster = members.map((m) => `${m.name}=${peerUrl(m)}`).join(',');
    for (const m of members) startMember(m, cluster);
    health = await waitForHealth();
  }, READY_WITHIN_MS + 30_000);

  afterAll(
    async () => {
      await Promise.all(members.map(stopMember));
      process.removeListener('exit', killAllNow);
      if (root !== '') rmSync(root, { recursive: true, force: true });
    },
    STOP_WITHIN_MS * 3 + 10_000,
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
