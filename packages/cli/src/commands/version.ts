// cfssl version (1.6 form, reference §2.19): which cfssl-ts, which cfssl it matches, which runtime.
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { versionText } from './version-text.js';

function versionMain(ctx: CommandContext): Promise<void> {
  ctx.io.writeStdout(versionText());
  return Promise.resolve();
}

export const versionCommand: CfsslCommand = {
  name: 'version',
  usageText: 'cfssl version -- print out the version of CF SSL\n\nUsage of version:\n\tcfssl version\n',
  listedFlags: [],
  main: versionMain,
};
