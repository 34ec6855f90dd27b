// The pure half of a layout: issuance results and input documents -> the files to write.
import { formatJsonDocument } from './_internal/json-document.js';
import { issuedFileNames } from './layout-file-names.js';
import { KEY_FILE_MODE, PUBLIC_FILE_MODE, type PlannedFile } from './planned-file.js';

/** What one `cfssl gencert` produced, named by the base `cfssljson -bare` would get. */
export interface IssuedCertificate {
  base: string;
  certificatePem: string;
  csrPem: string;
  /** The new key in cfssl's PEM form, or null when an existing key was used (it is not rewritten). */
  keyPem: string | null;
}

/** An input document of the layout (`ca-config.json`, `*-csr.json`) and its JSON value. */
export interface LayoutDocument {
  file: string;
  value: unknown;
}

/**
 * The files `cfssljson -bare <base>` writes for one issuance: `<base>.pem` (0644),
 * `<base>-key.pem` (0600, only for a new key), `<base>.csr` (0644), contents exactly as cfssl
 * prints them.
 *
 * @example
 * planIssuedFiles({ base: 'ca', certificatePem, csrPem, keyPem }).map((f) => f.path) // ['ca.pem', 'ca-key.pem', 'ca.csr']
 */
export function planIssuedFiles(issued: IssuedCertificate): PlannedFile[] {
  const names = issuedFileNames(issued.base);
  const files: PlannedFile[] = [{ path: names.certificate, contents: issued.certificatePem, mode: PUBLIC_FILE_MODE, kind: 'certificate' }];
  if (issued.keyPem !== null) files.push({ path: names.key, contents: issued.keyPem, mode: KEY_FILE_MODE, kind: 'private-key' });
  files.push({ path: names.csr, contents: issued.csrPem, mode: PUBLIC_FILE_MODE, kind: 'csr' });
  return files;
}

/**
 * The plan of a layout: each document as a JSON file (four-space indentation, final newline),
 * then each issuance's files, in the order given. Pure: same input, same plan.
 *
 * @example
 * await applyPlan(planLayout([{ file: 'ca-csr.json', value: caCsr }], [caIssued, serverIssued]), { dir: 'etcd-cert' });
 */
export function planLayout(documents: readonly LayoutDocument[], issued: readonly IssuedCertificate[]): PlannedFile[] {
  return [
    ...documents.map((doc): PlannedFile => ({ path: doc.file, contents: formatJsonDocument(doc.value), mode: PUBLIC_FILE_MODE, kind: 'json' })),
    ...issued.flatMap(planIssuedFiles),
  ];
}
