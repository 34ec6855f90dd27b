// Process entry of the `cfssl-ts` bin. `version` is answered without loading the library (start-up time).
import { cleanUpOnSignal } from './io/clean-up-on-signal.js';
import { guardOutputStreams } from './io/guard-output-streams.js';

guardOutputStreams('cfssl-ts');
const argv = process.argv.slice(2);
// `serve` and `multirootca` write no files and stop gracefully on SIGTERM/SIGINT themselves (commands/serve.ts).
if (argv[0] !== 'serve' && argv[0] !== 'multirootca') cleanUpOnSignal();
if (argv.length === 1 && argv[0] === 'version') {
  const { versionText } = await import('./commands/version-text.js');
  process.stdout.write(versionText());
} else {
  const [{ processIo }, { runCfssl }] = await Promise.all([import('./io/cli-io.js'), import('./run-cfssl.js')]);
  process.exitCode = await runCfssl(argv, processIo());
}
