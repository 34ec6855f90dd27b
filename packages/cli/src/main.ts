// Process entry of the `cfssl-ts` bin.
import { processIo } from './io/cli-io.js';
import { runCfssl } from './run-cfssl.js';

process.exitCode = await runCfssl(process.argv.slice(2), processIo());
