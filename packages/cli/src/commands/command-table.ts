// Every cfssl-ts subcommand, by name.
import type { CfsslCommand } from './cfssl-command.js';
import { gencertCommand } from './gencert.js';
import { gencsrCommand } from './gencsr.js';
import { genkeyCommand } from './genkey.js';
import { signCommand } from './sign.js';
import { versionCommand } from './version.js';

export const COMMANDS: ReadonlyMap<string, CfsslCommand> = new Map(
  [gencertCommand, gencsrCommand, genkeyCommand, signCommand, versionCommand].map((c) => [c.name, c]),
);
