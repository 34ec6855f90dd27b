// A layout plan as a zip archive (fflate), each entry with its Unix mode, so `unzip` restores keys as 0600.
import { zipSync, type Zippable } from 'fflate';
import type { PlannedFile } from '@cfssl-ts/layout';

// APPNOTE.TXT 4.4.2 "version made by" host 3 (Unix): the external attributes' high 16 bits are st_mode.
const UNIX = 3;
const S_IFREG = 0o100000;

/**
 * Zip `files` under the folder `folder` (`etcd-cert/ca.pem`, ...), contents as UTF-8, modes kept.
 *
 * @example
 * const zip = zipFiles('etcd-cert', files); // Uint8Array starting with PK\x03\x04
 */
export function zipFiles(folder: string, files: readonly PlannedFile[], mtime: Date = new Date()): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const entries: Zippable = {};
  for (const file of files) {
    const data = typeof file.contents === 'string' ? encoder.encode(file.contents) : file.contents;
    entries[`${folder}/${file.path}`] = [data, { os: UNIX, attrs: ((S_IFREG | file.mode) << 16) >>> 0, mtime }];
  }
  return zipSync(entries, { level: 6 });
}
