// Process entry of the `cfssljson-ts` bin.
import { processIo } from '../io/cli-io.js';
import { runCfssljson } from './run-cfssljson.js';

const io = processIo();
process.exitCode = await runCfssljson(process.argv.slice(2), {
  stdin: () => io.readStdin(),
  stdout: (s) => io.writeStdout(s),
  stderr: (s) => io.writeStderr(s),
  cwd: io.cwd,
});
