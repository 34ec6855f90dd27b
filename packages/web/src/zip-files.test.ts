import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { KEY_FILE_MODE, PUBLIC_FILE_MODE, type PlannedFile } from '@cfssl-ts/layout';
import { zipFiles } from './zip-files.js';

// APPNOTE.TXT 4.3.12: each central directory header (PK\x01\x02) holds "version made by" at +4, the external
// attributes at +38 and the name (length at +28) at +46.
function centralModes(zip: Uint8Array): Map<string, { host: number; mode: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const modes = new Map<string, { host: number; mode: number }>();
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const name = new TextDecoder().decode(zip.subarray(i + 46, i + 46 + view.getUint16(i + 28, true)));
    modes.set(name, { host: view.getUint8(i + 5), mode: view.getUint32(i + 38, true) >>> 16 });
  }
  return modes;
}

describe('zipFiles', () => {
  const files: PlannedFile[] = [
    { path: 'ca.pem', contents: 'certificate\n', mode: PUBLIC_FILE_MODE, kind: 'certificate' },
    { path: 'ca-key.pem', contents: new Uint8Array([1, 2, 3]), mode: KEY_FILE_MODE, kind: 'private-key' },
  ];

  it('holds every file under the folder with its contents', () => {
    const entries = unzipSync(zipFiles('etcd-cert', files, new Date('2026-01-02T03:04:06Z')));
    expect(Object.keys(entries)).toEqual(['etcd-cert/ca.pem', 'etcd-cert/ca-key.pem']);
    expect(new TextDecoder().decode(entries['etcd-cert/ca.pem'])).toBe('certificate\n');
    expect([...(entries['etcd-cert/ca-key.pem'] ?? [])]).toEqual([1, 2, 3]);
  });

  it('records Unix modes, so unzip restores a key as 0600', () => {
    const modes = centralModes(zipFiles('etcd-cert', files));
    expect(modes.get('etcd-cert/ca.pem')).toEqual({ host: 3, mode: 0o100644 });
    expect(modes.get('etcd-cert/ca-key.pem')).toEqual({ host: 3, mode: 0o100600 });
  });
});
