// A local etcd cluster with mutual TLS for clients and peers, as the etcd tutorial's etcd.conf sets it up; etcdctl as the judge.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

/** The files a member or a client presents and trusts. */
export interface EtcdTls {
  ca: string;
  cert: string;
  key: string;
}

export interface EtcdMember {
  name: string;
  host: string;
  clientPort: number;
  peerPort: number;
  dataDir: string;
  log: string;
  /** The same certificate for client and peer TLS (the tutorial's server.pem). */
  tls: EtcdTls;
  process?: ChildProcess;
  exited?: Promise<void>;
}

export interface EtcdctlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export const ETCD_READY_WITHIN_MS = 90_000;
export const ETCD_STOP_WITHIN_MS = 8_000;

export const clientUrl = (m: EtcdMember): string => `https://${m.host}:${m.clientPort}`;
export const peerUrl = (m: EtcdMember): string => `https://${m.host}:${m.peerPort}`;
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Ask the kernel for a free port on each host; keep them all bound until every one is chosen so none repeats. */
export async function freePorts(hosts: readonly string[]): Promise<number[]> {
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

/** One member per host, named etcd01..., data and log under `root`; `tlsOf(i)` gives member i its files. */
export async function planEtcdMembers(root: string, hosts: readonly string[], tlsOf: (i: number) => EtcdTls): Promise<EtcdMember[]> {
  const ports = await freePorts([...hosts, ...hosts]);
  return hosts.map((host, i) => {
    const dataDir = join(root, `etcd0${i + 1}.etcd`);
    mkdirSync(dataDir, { mode: 0o700 });
    return {
      name: `etcd0${i + 1}`,
      host,
      clientPort: ports[i] as number,
      peerPort: ports[i + hosts.length] as number,
      dataDir,
      log: join(root, `etcd0${i + 1}.log`),
      tls: tlsOf(i),
    };
  });
}

export function logTail(m: EtcdMember, lines = 25): string {
  if (!existsSync(m.log)) return '(no log)';
  return readFileSync(m.log, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** Start (or restart, on its existing data directory) one member; its output is appended to its log. */
export function startMember(m: EtcdMember, members: readonly EtcdMember[]): void {
  const cluster = members.map((x) => `${x.name}=${peerUrl(x)}`).join(',');
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
    `--cert-file=${m.tls.cert}`,
    `--key-file=${m.tls.key}`,
    `--peer-cert-file=${m.tls.cert}`,
    `--peer-key-file=${m.tls.key}`,
    `--trusted-ca-file=${m.tls.ca}`,
    `--peer-trusted-ca-file=${m.tls.ca}`,
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

export async function stopMember(m: EtcdMember): Promise<void> {
  const child = m.process;
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const stopped = await Promise.race([
    m.exited?.then(() => true),
    new Promise<boolean>((r) => setTimeout(() => r(false), ETCD_STOP_WITHIN_MS)),
  ]);
  if (!stopped) {
    child.kill('SIGKILL');
    await m.exited;
  }
}

/** Last resort if the test process dies: no etcd outlives it (register with process.once('exit', ...)). */
export function killAllNow(members: readonly EtcdMember[]): void {
  for (const m of members) if (m.process?.exitCode === null && m.process.signalCode === null) m.process.kill('SIGKILL');
}

export function etcdctl(args: readonly string[], tls: EtcdTls): Promise<EtcdctlResult> {
  const full = [`--cacert=${tls.ca}`, `--cert=${tls.cert}`, `--key=${tls.key}`, '--dial-timeout=3s', '--command-timeout=5s', ...args];
  return new Promise((resolve) => {
    execFile('etcdctl', full, { timeout: 20_000, env: { ...process.env, ETCDCTL_API: '3' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Wait until `etcdctl endpoint health` reports every member healthy through `tls`; a member that exits fails at once. */
export async function waitForHealth(members: readonly EtcdMember[], tls: EtcdTls, withinMs = ETCD_READY_WITHIN_MS): Promise<EtcdctlResult> {
  const deadline = Date.now() + withinMs;
  let last: EtcdctlResult = { code: -1, stdout: '', stderr: '' };
  while (Date.now() < deadline) {
    const dead = members.find((m) => m.process?.exitCode !== null || m.process.signalCode !== null);
    if (dead !== undefined) throw new Error(`${dead.name} exited early:\n${logTail(dead)}`);
    last = await etcdctl([`--endpoints=${members.map(clientUrl).join(',')}`, 'endpoint', 'health'], tls);
    if (last.code === 0) return last;
    await sleep(500);
  }
  throw new Error(
    `cluster not healthy within ${withinMs} ms: ${last.stderr}\n${members.map((m) => `--- ${m.name}\n${logTail(m)}`).join('\n')}`,
  );
}
