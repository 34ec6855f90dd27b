// The writer's temporary and backup file names, read back: `.<target>.<12 hex>.tmp` and `.<target>.<12 hex>.bak`.

const SIBLING = /^\.(.+)\.[0-9a-f]{12}\.(tmp|bak)$/;

/** The target file name a sibling file name was made for (`ca-key.pem` for `.ca-key.pem.0a1b2c3d4e5f.tmp`), else null. */
export function siblingTarget(name: string): string | null {
  return SIBLING.exec(name)?.[1] ?? null;
}
