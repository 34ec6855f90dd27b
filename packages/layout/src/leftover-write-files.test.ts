import { describe, expect, it } from 'vitest';
import { leftoverWriteFiles } from './leftover-write-files.js';
import { siblingName } from './write/sibling-names.js';

describe('leftoverWriteFiles', () => {
  it("names each temporary and backup file of the writer's naming, sorted, with the file it was for", () => {
    expect(leftoverWriteFiles(['ca.pem', '.server.pem.abcdef012345.bak', '.ca-key.pem.0123456789ab.tmp', 'ca-key.pem'])).toEqual([
      '.ca-key.pem.0123456789ab.tmp: left behind by an interrupted write of ca-key.pem (it may hold a private key): remove it',
      '.server.pem.abcdef012345.bak: left behind by an interrupted write of server.pem (it may hold a private key): remove it',
    ]);
  });

  it('recognises the names the writer makes', () => {
    const name = siblingName('dir/ca-key.pem', 'tmp').slice('dir/'.length);
    expect(leftoverWriteFiles([name])).toHaveLength(1);
  });

  it('ignores names that are not of its making', () => {
    expect(
      leftoverWriteFiles([
        'ca.pem.0123456789ab.tmp',
        '.ca.pem.0123.tmp',
        '.ca.pem.0123456789AB.tmp',
        '.ca.pem.0123456789ab.tmp~',
        '.tmp',
        '.swp',
      ]),
    ).toEqual([]);
  });
});
