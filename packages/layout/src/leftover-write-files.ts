// Temporary and backup files of the layout writer left in a directory by a run that was killed.
import { siblingTarget } from './_internal/sibling-target.js';

/**
 * One problem per file of the writer's own naming (`.<target>.<12 hex>.tmp` or `.bak`) among
 * `names`, sorted: such a file is a complete copy of its target, which may be a private key.
 *
 * @example
 * leftoverWriteFiles(['ca.pem', '.ca-key.pem.0a1b2c3d4e5f.tmp']);
 * // ['.ca-key.pem.0a1b2c3d4e5f.tmp: left behind by an interrupted write of ca-key.pem (it may hold a private key): remove it']
 */
export function leftoverWriteFiles(names: Iterable<string>): string[] {
  const problems: string[] = [];
  for (const name of [...names].sort()) {
    const target = siblingTarget(name);
    if (target !== null) problems.push(`${name}: left behind by an interrupted write of ${target} (it may hold a private key): remove it`);
  }
  return problems;
}
