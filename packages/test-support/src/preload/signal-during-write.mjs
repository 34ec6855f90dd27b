// Test-only preload (`node --import`): makes "a signal arrives while the layout writer is writing" deterministic.
// SIGNAL_DURING_WRITE=<call>:<file>:<signal>, e.g. `link:server.pem:SIGTERM`: the first fs.promises <call> (link or
// rename) whose destination is <file> sends <signal> to this process and never settles, so the signal is handled
// with the writer stopped at exactly that step. Production code knows nothing of it.
import fsp from 'node:fs/promises';
import { basename } from 'node:path';
import { syncBuiltinESMExports } from 'node:module';

const [call, file, signal] = (process.env.SIGNAL_DURING_WRITE ?? '').split(':');
if (call === 'link' || call === 'rename') {
  const real = fsp[call];
  let fired = false;
  fsp[call] = (from, to) => {
    if (fired || basename(String(to)) !== file) return real(from, to);
    fired = true;
    process.kill(process.pid, signal);
    // keep the event loop alive so the handler (or the default action) decides how the process ends
    return new Promise(() => setTimeout(() => undefined, 30_000));
  };
  syncBuiltinESMExports();
}
