// The text of `cfssl-ts version` (cfssl 1.6 form: Version and Runtime lines). No library imports: start-up path.
import { CFSSL_COMPAT_VERSION, CFSSL_TS_VERSION } from '../version-info.js';

export function versionText(): string {
  return `Version: ${CFSSL_TS_VERSION} (cfssl-ts, compatible with cfssl ${CFSSL_COMPAT_VERSION})\nRuntime: node${process.versions.node}\n`;
}
