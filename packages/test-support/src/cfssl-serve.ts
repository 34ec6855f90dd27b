// Start real cfssl `serve` (Debian golang-cfssl 1.2) on 127.0.0.1 with a free port, for live client tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

/** A running `cfssl serve`; `stop()` ends it and waits for its exit. */
export interface RunningCfsslServe {
  port: number;
  /** What the server logged so far (stderr). */
  log(): string;
  stop(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      s.close(() => {
        resolve(port);
      });
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.on('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.on('error', () => {
      resolve(false);
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    child.on('exit', () => {
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Run `cfssl serve -address 127.0.0.1 -port <free> ...args` in `cwd` and wait until it accepts connections. */
export async function startCfsslServe(args: readonly string[], cwd: string): Promise<RunningCfsslServe> {
  const port = await freePort();
  const child = spawn('cfssl', ['serve', '-address', '127.0.0.1', '-port', String(port), ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (log += d));
  const server: RunningCfsslServe = { port, log: () => log, stop: () => stopChild(child) };
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`cfssl serve exited: ${log}`);
    if (await accepts(port)) return server;
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  throw new Error(`cfssl serve did not listen on ${String(port)}: ${log}`);
}
