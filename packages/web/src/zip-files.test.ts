import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { KEY_FILE_MODE, PUBLIC_FILE_MODE, type PlannedFile } from '@cfssl-ts/layout';
import { zipEntryModes } from '@cfssl-ts/test-support/zip-entry-modes';
import { zipFiles } from './zip-files.js';

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
    const modes = zipEntryModes(zipFiles('etcd-cert', files));
    expect(modes.get('etcd-cert/ca.pem')).toEqual({ host: 3, mode: 0o100644 });
    expect(modes.get('etcd-cert/ca-key.pem')).toEqual({ host: 3, mode: 0o100600 });
  });
});
