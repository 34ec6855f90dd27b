import { createPublicKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { LayoutError } from '../layout-error.js';
import { KEY_FILE_MODE } from '../planned-file.js';
import { reissueLeaves } from './reissue-leaves.js';
import { DAY, applied, issuedBy, makeSet, x509s } from './lifetime-sets.test-helper.js';

const MADE = Date.parse('2026-01-01T00:00:00Z');
const NOW = MADE + 350 * DAY;
let set: Map<string, Uint8Array>;

beforeAll(async () => {
  set = await makeSet(MADE);
});

const spki = (pem: Uint8Array | string | undefined): string =>
  createPublicKey(typeof pem === 'string' ? pem : new TextDecoder().decode(pem))
    .export({ type: 'spki', format: 'der' })
    .toString('hex');

describe('reissueLeaves', () => {
  it('re-issues exactly the selected leaves under ca.pem, with their own profile, keys kept, the CA untouched', async () => {
    const result = await reissueLeaves(set, { now: () => NOW, select: (l) => l.certificate.notAfter - NOW <= 30 * DAY });
    expect(result.reissued.map((r) => [r.file, r.profile, r.rekeyed])).toEqual([
      ['client.pem', 'client', false],
      ['server.pem', 'server', false],
    ]);
    expect(result.skipped).toEqual([]);
    const paths = result.files.map((f) => f.path);
    expect(paths.filter((p) => p.startsWith('ca'))).toEqual([]);
    expect(paths.filter((p) => p.endsWith('-key.pem'))).toEqual([]);
    expect(paths).not.toContain('peer.pem');
    const after = applied(set, result.files);
    const [ca] = x509s(after.get('ca.pem'));
    for (const base of ['server', 'client']) {
      const [leaf] = x509s(after.get(`${base}.pem`));
      // OpenSSL: signed by the CA, valid a year from NOW (cfssl backdates notBefore), same key as before
      expect(issuedBy(leaf!, ca!), base).toBe(true);
      expect(Date.parse(leaf!.validTo)).toBeGreaterThan(NOW + 364 * DAY);
      expect(spki(leaf!.publicKey.export({ type: 'spki', format: 'pem' }) as string)).toBe(spki(set.get(`${base}-key.pem`)));
    }
    expect(x509s(after.get('server.pem'))[0]!.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });

  it('-rekey makes new keys from the CSR JSON key spec, planned as 0600 private keys', async () => {
    const result = await reissueLeaves(set, { now: () => NOW, rekey: true, select: (l) => l.file === 'peer.pem' });
    const key = result.files.find((f) => f.path === 'peer-key.pem');
    expect(key?.mode).toBe(KEY_FILE_MODE);
    expect(key?.kind).toBe('private-key');
    const after = applied(set, result.files);
    expect(spki(after.get('peer-key.pem'))).not.toBe(spki(set.get('peer-key.pem')));
    const [leaf] = x509s(after.get('peer.pem'));
    expect(spki(leaf!.publicKey.export({ type: 'spki', format: 'pem' }) as string)).toBe(spki(after.get('peer-key.pem')));
    expect(result.reissued).toMatchObject([{ file: 'peer.pem', profile: 'peer', rekeyed: true }]);
  });

  it('skips a leaf without its CSR JSON, and one another CA signed, saying why', async () => {
    const other = await makeSet(MADE);
    const dir = new Map(set);
    dir.delete('client-csr.json');
    dir.set('stranger.pem', other.get('server.pem')!);
    const result = await reissueLeaves(dir, { now: () => NOW });
    expect(result.skipped).toEqual([
      { file: 'client.pem', reason: 'no client-csr.json to re-issue it from' },
      { file: 'stranger.pem', reason: 'not signed by ca.pem, so not renewed under it' },
    ]);
    expect(result.reissued.map((r) => r.file)).toEqual(['peer.pem', 'server.pem']);
  });

  it('tells profiles with the same usages apart by expiry, and refuses to guess between identical ones', async () => {
    const config = (profiles: Record<string, unknown>): Uint8Array => new TextEncoder().encode(JSON.stringify({ signing: { profiles } }));
    const usages = ['signing', 'key encipherment', 'server auth', 'client auth'];
    const dir = new Map(set);
    dir.set('ca-config.json', config({ long: { expiry: '87600h', usages }, year: { expiry: '8760h', usages } }));
    const picked = await reissueLeaves(dir, { now: () => NOW, select: (l) => l.file === 'server.pem' });
    expect(picked.reissued[0]?.profile).toBe('year');
    dir.set('ca-config.json', config({ a: { expiry: '8760h', usages }, b: { expiry: '8760h', usages } }));
    const refused = await reissueLeaves(dir, { now: () => NOW, select: (l) => l.file === 'server.pem' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LayoutError);
    expect((refused as LayoutError).code).toBe('ERR_LAYOUT_INPUT_FILE');
    expect((refused as LayoutError).message).toBe('ca-config.json: profiles a, b all fit server.pem; cannot tell which one signed it');
  });

  it('refuses without ca-config.json or with a CA key that is not the CA certificate’s', async () => {
    const noConfig = new Map(set);
    noConfig.delete('ca-config.json');
    await expect(reissueLeaves(noConfig, { now: () => NOW })).rejects.toThrow(
      'ca-config.json: missing (leaves are signed with its profiles)',
    );
    const wrongKey = new Map(set);
    wrongKey.set('ca-key.pem', set.get('server-key.pem')!);
    await expect(reissueLeaves(wrongKey, { now: () => NOW })).rejects.toThrow("ca-key.pem: not the key of ca.pem's first certificate");
  });
});
