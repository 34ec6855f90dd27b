// Names of the writer's temporary and backup files: `.<target>.<12 hex>.tmp` and `.<target>.<12 hex>.bak`, beside the target.
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** What a sibling file is for: `tmp` holds new contents before the rename, `bak` the replaced file until the plan is done. */
export type SiblingSuffix = 'tmp' | 'bak';

const SIBLING = /^\.(.+)\.[0-9a-f]{12}\.(tmp|bak)$/;

/** A fresh sibling path of `path`: `dir/.<basename>.<12 random hex>.<suffix>`. */
export function siblingName(path: string, suffix: SiblingSuffix): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.${suffix}`);
}

/** The target file name a sibling file name was made for (`ca-key.pem` for `.ca-key.pem.0a1b2c3d4e5f.tmp`), else null. */
export function siblingTarget(name: string): string | null {
  return SIBLING.exec(name)?.[1] ?? null;
}
