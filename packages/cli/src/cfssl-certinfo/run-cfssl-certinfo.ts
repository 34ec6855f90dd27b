// The boundary of `cfssl-certinfo-ts` (cfssl 1.6.5 cmd/cfssl-certinfo): `cfssl certinfo` under its own flag set.
import { CfsslError } from '@cfssl-ts/core';
import { certinfoCommand } from '../commands/certinfo.js';
import type { CommandContext } from '../commands/cfssl-command.js';
import { CFSSL_FLAGS } from '../flags/cfssl-flags.js';
import { GoFlagError } from '../flags/go-flag-error.js';
import { goFlagDefaultText } from '../flags/go-flag-definition.js';
import { parseGoFlags, type ParsedGoFlags } from '../flags/parse-go-flags.js';
import type { CliIo } from '../io/cli-io.js';
import { createLogger } from '../log/cfssl-logger.js';
import { renderCfsslError } from '../render-cfssl-error.js';

// cmd/cfssl-certinfo registerFlags: no -csr and no -config, unlike `cfssl certinfo`
const FLAG_NAMES: readonly string[] = ['cert', 'domain', 'serial', 'aki', 'db-config'];
const FLAGS = CFSSL_FLAGS.filter((definition) => FLAG_NAMES.includes(definition.name));

const USAGE_TEXT = `cfssl-certinfo -- output certinfo about the given cert

	Usage of certinfo:
		- Data from local certificate files
        	certinfo -cert file
		- Data from certificate from remote server.
        	certinfo -domain domain_name
		- Data from CA storage
        	certinfo -serial serial_number -aki authority_key_id (requires -db-config)

	Flags:
	`;

// certinfoFlagSet.Usage: a tab, the text, then printDefaultValue for each of certinfo.Command.Flags the set defines
function usage(): string {
  let out = `\t${USAGE_TEXT}`;
  for (const name of certinfoCommand.listedFlags) {
    const definition = FLAGS.find((d) => d.name === name);
    if (definition === undefined) continue;
    const defaultText = goFlagDefaultText(definition);
    out += `  -${definition.name}=${defaultText === '' ? '""' : defaultText}: ${definition.usage}\n`;
  }
  return out;
}

/**
 * Run `cfssl-certinfo-ts ARGV`; returns the exit status. As cfssl-certinfo does, an error of the command
 * itself is printed on stderr and the status is still 0; a flag error is 2 (Go's flag.ExitOnError), `-h` 0.
 *
 * @example
 * process.exitCode = await runCfsslCertinfo(['-cert', 'ca.pem'], processIo());
 */
export async function runCfsslCertinfo(argv: readonly string[], io: CliIo, crypto: Crypto = globalThis.crypto): Promise<number> {
  let flags: ParsedGoFlags;
  try {
    flags = parseGoFlags(FLAGS, argv);
  } catch (err) {
    if (!(err instanceof GoFlagError)) throw err;
    if (err.code === 'ERR_FLAG_HELP') {
      io.writeStderr(usage());
      return 0;
    }
    io.writeStderr(`${err.message}\n${usage()}`);
    return 2;
  }
  const ctx: CommandContext = {
    args: flags.positionals,
    flags,
    io,
    log: createLogger(
      1,
      (line) => io.writeStderr(line),
      () => io.now(),
    ),
    config: null,
    replay: { serial: null, now: null },
    crypto,
    str: (name) => String(flags.values.get(name) ?? ''),
    bool: (name) => flags.values.get(name) === true,
  };
  try {
    await certinfoCommand.main(ctx);
  } catch (err) {
    if (!(err instanceof CfsslError)) {
      io.writeStderr(`cfssl-certinfo-ts: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      return 1;
    }
    // cfssl-certinfo main: fmt.Fprintln(os.Stderr, err), and no os.Exit(1)
    io.writeStderr(`${renderCfsslError(err)}\n`);
  }
  return 0;
}
