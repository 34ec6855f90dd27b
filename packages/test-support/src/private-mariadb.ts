// A MariaDB server a test owns: its own data directory and port on 127.0.0.1, stopped (SIGTERM) and started
// again at will, for fault tests that need the database really gone.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './cfssl-serve.js';

/** A database server a test owns; `stop()` and `start()` may be repeated, `destroy()` ends it and removes its files. */
export interface PrivateDatabaseServer {
  port: number;
  /** The data source of `database` in its driver's DSN form (MySQL: cfssl's `root@tcp(127.0.0.1:P)/db?parseTime=true`). */
  dsn(database: string): string;
  /** SIGTERM the server and wait for it to exit. */
  stop(): Promise<void>;
  /** Start it again on the same port and data directory; resolves once it accepts queries. */
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** A private mariadbd. */
export type PrivateMariadb = PrivateDatabaseServer;

/** Make a data directory (mariadb-install-db) and start mariadbd on a free port; `--skip-grant-tables`: root, no password. */
export async function startPrivateMariadb(): Promise<PrivateMariadb> {
  const dir = mkdtempSync(join(tmpdir(), 'private-mariadb-'));
  const data = join(dir, 'data');
  const install = spawnSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db'],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
  const port = await freePort();
  let child: ChildProcess | null = null;
  const errorLog = join(dir, 'error.log');
  const args = [
    '--no-defaults',
    `--datadir=${data}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    `--socket=${join(dir, 'sock')}`,
    `--pid-file=${join(dir, 'pid')}`,
    `--log-error=${errorLog}`,
    '--user=root',
    '--skip-grant-tables',
    '--innodb-buffer-pool-size=16M',
  ];
  // mariadbd writes "ready for connections" to its error log once it accepts clients.
  const readyLines = () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8').split('ready for connections').length - 1 : 0);
  async function start(): Promise<void> {
    const before = readyLines();
    const c = spawn('mariadbd', args, { stdio: 'ignore' });
    child = c;
    const deadline = Date.now() + 30_000;
    while (readyLines() === before) {
      if (c.exitCode !== null || Date.now() > deadline) {
        throw new Error(`mariadbd did not start: ${existsSync(errorLog) ? readFileSync(errorLog, 'utf8').slice(-2000) : ''}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  function stop(): Promise<void> {
    const c = child;
    child = null;
    if (c === null || c.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  }
  await start();
  return {
    port,
    dsn: (database) => `root@tcp(127.0.0.1:${port})/${database}?parseTime=true`,
    stop,
    start,
    async destroy() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
