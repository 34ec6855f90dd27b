// The one boundary of `cfssl-ts`: argv in, text and an exit status out (cfssl cli.Start).
import { CfsslError, parseConfig, parseSerialNumber, type ParsedConfig } from '@cfssl-ts/core';
import { COMMANDS } from './commands/command-table.js';
import type { CfsslCommand, CommandContext, Replay } from './commands/cfssl-command.js';
import { CFSSL_FLAGS, renderCfsslCommandUsage } from './flags/cfssl-flags.js';
import { GoFlagError } from './flags/go-flag-error.js';
import { parseGoFlags, type ParsedGoFlags } from './flags/parse-go-flags.js';
import type { CliIo } from './io/cli-io.js';
import { readInputFile, text } from './io/read-input.js';
import { createLogger } from './log/cfssl-logger.js';
import { renderCfsslError } from './render-cfssl-error.js';

function topUsage(): string {
  let out = 'Usage:\nAvailable commands:\n';
  for (const name of COMMANDS.keys()) out += `\t${name}\n`;
  out += 'Top-level flags:\n';
  return out;
}

async function loadConfig(path: string, io: CliIo): Promise<ParsedConfig> {
  let body: string;
  try {
    body = text(await readInputFile(path, io));
  } catch (cause) {
    // cfssl config.LoadFile's words for a file it cannot read; a file past the input limit is named instead
    if (cause instanceof CfsslError && cause.code === 'ERR_INPUT_TOO_LARGE') throw cause;
    throw new CfsslError('ERR_CONFIG', 5200, 'could not read configuration file', { cause });
  }
  return parseConfig(body);
}

function parseReplay(flags: ParsedGoFlags): Replay {
  const serialText = String(flags.values.get('serial') ?? '');
  const nowText = String(flags.values.get('now') ?? '');
  let now: number | null = null;
  if (nowText !== '') {
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(nowText) || Number.isNaN(Date.parse(nowText))) {
      throw new CfsslError('ERR_INPUT', 0, `invalid -now ${JSON.stringify(nowText)}: want RFC 3339, e.g. 2026-11-28T02:33:04Z`);
    }
    now = Date.parse(nowText);
  }
  return { serial: serialText === '' ? null : parseSerialNumber(serialText), now };
}

function commandUsage(cmd: CfsslCommand): string {
  return renderCfsslCommandUsage(cmd.usageText, cmd.listedFlags);
}

/**
 * Run `cfssl-ts ARGV`; returns the exit status. Never throws for user mistakes.
 *
 * @example
 * process.exitCode = await runCfssl(process.argv.slice(2), processIo());
 */
export async function runCfssl(argv: readonly string[], io: CliIo, crypto: Crypto = globalThis.crypto): Promise<number> {
  const first = argv[0];
  if (first === '-h' || first === '-help' || first === '--h' || first === '--help') {
    io.writeStderr(topUsage());
    return 0;
  }
  if (first === undefined) {
    io.writeStderr('No command is given.\n' + topUsage());
    return 1;
  }
  if (first.startsWith('-')) {
    io.writeStderr(`flag provided but not defined: ${first.split('=')[0]}\n` + topUsage());
    return 2;
  }
  const load = COMMANDS.get(first);
  if (!load) {
    io.writeStderr(`Command ${first} is not defined.\n` + topUsage());
    return 1;
  }
  const cmd = await load();

  let flags: ParsedGoFlags;
  try {
    flags = parseGoFlags(CFSSL_FLAGS, argv.slice(1));
  } catch (err) {
    if (err instanceof GoFlagError) {
      if (err.code === 'ERR_FLAG_HELP') {
        io.writeStderr(commandUsage(cmd));
        return 0;
      }
      io.writeStderr(`${err.message}\n${commandUsage(cmd)}`);
      return 2;
    }
    throw err;
  }
  const log = createLogger(
    Number(flags.values.get('loglevel') ?? 1),
    (line) => io.writeStderr(line),
    () => io.now(),
  );

  try {
    // Replay flags are checked up front by the commands that read them; any other command ignores them
    // (cfssl ignores a flag its command does not read), unless it reads ctx.replay after all.
    let replay: Replay | null = cmd.readsReplay === true ? parseReplay(flags) : null;
    let config: ParsedConfig | null = null;
    const configPath = String(flags.values.get('config') ?? '');
    if (configPath !== '') {
      try {
        config = await loadConfig(configPath, io);
      } catch (err) {
        if (!(err instanceof CfsslError)) throw err;
        // cfssl: fmt.Fprintf(os.Stderr, "Failed to load config file: %v", err) – no newline.
        io.writeStderr(`Failed to load config file: ${renderCfsslError(err)}`);
        return 1;
      }
      for (const w of config.warnings) log.warning(`${w.path}: ${w.message}`);
    }
    const ctx: CommandContext = {
      args: flags.positionals,
      flags,
      io,
      log,
      config,
      get replay(): Replay {
        replay ??= parseReplay(flags);
        return replay;
      },
      crypto,
      str: (name) => String(flags.values.get(name) ?? ''),
      bool: (name) => flags.values.get(name) === true,
    };
    await cmd.main(ctx);
    return 0;
  } catch (err) {
    if (err instanceof CfsslError) {
      io.writeStderr(`${renderCfsslError(err)}\n`);
      return 1;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.writeStderr(`cfssl-ts: internal error: ${message}\n`);
    if (io.env.CFSSL_TS_DEBUG && err instanceof Error && err.stack) io.writeStderr(`${err.stack}\n`);
    return 1;
  }
}
