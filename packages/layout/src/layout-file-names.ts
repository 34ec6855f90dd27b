// File names of a layout, as cfssljson -bare names its outputs.
import type { LayoutSpec } from './layout-spec.js';

/** The three files `cfssljson -bare <base>` writes for a gencert result. */
export interface IssuedFileNames {
  certificate: string;
  key: string;
  csr: string;
}

/**
 * `<base>.pem`, `<base>-key.pem`, `<base>.csr`, as cfssljson -bare names them.
 *
 * @example issuedFileNames('server').key // 'server-key.pem'
 */
export function issuedFileNames(base: string): IssuedFileNames {
  return { certificate: `${base}.pem`, key: `${base}-key.pem`, csr: `${base}.csr` };
}

/**
 * Every file a spec describes, in layout order: the config, then for the CA and each certificate
 * its CSR JSON, `.pem`, `-key.pem`, `.csr`.
 *
 * @example layoutFileNames(etcdPreset()) // ['ca-config.json', 'ca-csr.json', 'ca.pem', 'ca-key.pem', 'ca.csr', 'server-csr.json', ...]
 */
export function layoutFileNames(spec: LayoutSpec): string[] {
  const names = [spec.configFile];
  for (const entry of [spec.ca, ...spec.certificates]) {
    const files = issuedFileNames(entry.base);
    names.push(entry.csrFile, files.certificate, files.key, files.csr);
  }
  return names;
}
