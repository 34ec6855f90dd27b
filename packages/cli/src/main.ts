// Process entry of the `cfssl-ts` bin. `version` is answered without loading the library (start-up time).
import { cleanUpOnSignal } from './io/clean-up-on-signal.js';
import { guardOutputStreams } from './io/guard-output-streams.js';
import { SELF_STOPPING_COMMANDS } from './self-stopping-commands.js';

guardOutputStreams('cfssl-ts');
const argv = process.argv.slice(2);
if (!SELF_STOPPING_COMMANDS.has(argv[0] ?? '')) cleanUpOnSignal();
if (argv.length === 1 && argv[0] === 'version') {
  const { versionText } = await import('./commands/version-text.js');
  process.stdout.write(versionText());
} else {
  const [{ processIo }, { runCfssl }] = await Promise.all([import('./io/cli-io.js'), import('./run-cfssl.js')]);
  process.exitCode = await runCfssl(argv, processIo());
}
