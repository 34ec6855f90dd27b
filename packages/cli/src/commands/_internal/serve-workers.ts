// cfssl-ts serve -workers N: N node:cluster processes share the listening port; the primary only supervises.
import cluster, { type Worker } from 'node:cluster';
import type { CommandContext } from '../cfssl-command.js';
import { untilStopSignal } from './until-stop-signal.js';

/**
 * Fork `count` workers (each re-runs this command and listens), wait until all listen (then `onListening`), then supervise: a worker
 * that dies is replaced; SIGTERM/SIGINT is passed on to every worker (each finishes its requests in flight) and
 * this resolves when all have exited.
 */
export async function superviseWorkers(ctx: CommandContext, count: number, onListening: () => void): Promise<void> {
  let stopping = false;
  const live = new Set<Worker>();
  const fork = () => {
    const worker = cluster.fork();
    live.add(worker);
    worker.on('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      ctx.log.error(`worker ${String(worker.process.pid)} exited (code ${String(code)}, signal ${signal}); starting another`);
      fork();
    });
    return worker;
  };
  await new Promise<void>((resolve, reject) => {
    let listening = 0;
    for (let i = 0; i < count; i++) {
      const w = fork();
      const failed = (code: number) => reject(new Error(`cfssl-ts serve: a worker exited with ${String(code)} before listening`));
      w.once('exit', failed);
      w.once('listening', () => {
        w.off('exit', failed);
        if (++listening === count) resolve();
      });
    }
  }).catch((err: unknown) => {
    stopping = true;
    for (const w of live) w.process.kill('SIGTERM');
    throw err;
  });
  ctx.log.info(`${String(count)} workers are listening`);
  onListening();
  return untilStopSignal().then(async () => {
    stopping = true;
    const exits = [...live].map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))));
    for (const w of live) w.process.kill('SIGTERM');
    await Promise.all(exits);
  });
}
