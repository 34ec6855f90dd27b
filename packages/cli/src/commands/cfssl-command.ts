// A cfssl command as data: its usage text, the flags its help lists, and its main function.
import type { ParsedConfig } from '@cfssl-ts/core';
import type { ParsedGoFlags } from '../flags/parse-go-flags.js';
import type { CliIo } from '../io/cli-io.js';
import type { CfsslLogger } from '../log/cfssl-logger.js';

/** Replay flags (cfssl-ts extensions): a fixed serial and clock reproduce the same bytes. */
export interface Replay {
  serial: bigint | null;
  now: number | null;
}

/** What a command's main receives. */
export interface CommandContext {
  args: string[];
  flags: ParsedGoFlags;
  io: CliIo;
  log: CfsslLogger;
  /** The loaded `-config`, or null. */
  config: ParsedConfig | null;
  replay: Replay;
  crypto: Crypto;
  /** A string flag's value ("" when unset). */
  str(name: string): string;
  bool(name: string): boolean;
}

/** One cfssl subcommand. */
export interface CfsslCommand {
  name: string;
  /** cfssl's usage text (printed after a tab by -h). */
  usageText: string;
  /** Flags listed in the command's usage; every global flag is accepted regardless. */
  listedFlags: readonly string[];
  /**
   * The command reads the replay flags (`-now`, `-serial` as the serial to issue): they are checked before
   * `main` runs. Other commands ignore them, as cfssl ignores a flag its command does not read.
   */
  readsReplay?: true;
  main(ctx: CommandContext): Promise<void>;
}
