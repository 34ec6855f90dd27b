// Process entry of the `cfssljson-ts` bin.
import { processIo } from '../io/cli-io.js';
import { cleanUpOnSignal } from '../io/clean-up-on-signal.js';
import { guardOutputStreams } from '../io/guard-output-streams.js';
import { runCfssljson } from './run-cfssljson.js';

guardOutputStreams('cfssljson-ts');
cleanUpOnSignal();
const io = processIo();
process.exitCode = await runCfssljson(process.argv.slice(2), {
  stdin: () => io.readStdin(),
  stdout: (s) => io.writeStdout(s),
  stderr: (s) => io.writeStderr(s),
  cwd: io.cwd,
});
