// Names of the writer's temporary and backup files: `.<target>.<12 hex>.tmp` and `.<target>.<12 hex>.bak`, beside the target
// (read back by _internal/sibling-target.ts, which the browser-safe index uses too).
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** What a sibling file is for: `tmp` holds new contents before the rename, `bak` the replaced file until the plan is done. */
export type SiblingSuffix = 'tmp' | 'bak';

/** A fresh sibling path of `path`: `dir/.<basename>.<12 random hex>.<suffix>`. */
export function siblingName(path: string, suffix: SiblingSuffix): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.${suffix}`);
}
