// A PostgreSQL server a test owns (initdb in a temporary directory, its own port on 127.0.0.1), stopped and
// started again with pg_ctl, for fault tests that need the database really gone. As root it runs as `postgres`.
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './cfssl-serve.js';
import type { PrivateDatabaseServer } from './private-mariadb.js';

/** A private PostgreSQL cluster; `dsn` is a lib/pq key=value data source. */
export type PrivatePostgres = PrivateDatabaseServer;

/** Make a cluster (initdb, trust authentication) and start it on a free port. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'private-postgres-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    chownSync(dir, Number(pw.stdout.trim()), Number(gid.stdout.trim()));
  }
  const run = (cmd: string, args: string[]) => {
    const r = asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' })
      : spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stdout}${r.stderr}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => {
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', 'start']);
    return Promise.resolve();
  };
  // -m fast: the server ends every session and shuts down at once.
  const stop = () => {
    run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    return Promise.resolve();
  };
  await start();
  let running = true;
  return {
    port,
    dsn: (database) => `host=127.0.0.1 port=${port} user=postgres dbname=${database} sslmode=disable`,
    async stop() {
      await stop();
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await stop();
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
