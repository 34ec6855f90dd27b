// Process entry of the `cfssl-certinfo-ts` bin.
import { processIo } from '../io/cli-io.js';
import { guardOutputStreams } from '../io/guard-output-streams.js';
import { runCfsslCertinfo } from './run-cfssl-certinfo.js';

guardOutputStreams('cfssl-certinfo-ts');
process.exitCode = await runCfsslCertinfo(process.argv.slice(2), processIo());
