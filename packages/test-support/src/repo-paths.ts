// Paths inside this repository, so that tests read fixtures only from the checkout.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (this file is packages/test-support/src/repo-paths.ts). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A path under fixtures/, e.g. `fixturePath('golden', 'cfssl-1.6.5', 'etcd-ca')`. */
export function fixturePath(...parts: string[]): string {
  return join(REPO_ROOT, 'fixtures', ...parts);
}

/** The golden corpus made by real cfssl `version` (fixtures/golden/<version>), or a path inside it. */
export function goldenDir(version: string, ...parts: string[]): string {
  return fixturePath('golden', version, ...parts);
}

/** The same directory as a file: URL ending in `/`, a base for `new URL(relative, base)`. */
export function goldenUrl(version: string): URL {
  return new URL(`${pathToFileURL(goldenDir(version)).href}/`);
}
