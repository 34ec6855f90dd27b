import { createPublicKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { LayoutError } from '../layout-error.js';
import { KEY_FILE_MODE } from '../planned-file.js';
import { readCaRotationState } from './ca-rotation-state.js';
import { planCaRotation, type CaRotationStep } from './plan-ca-rotation.js';
import { DAY, applied, issuedBy, makeSet, x509s } from './lifetime-sets.test-helper.js';

const MADE = Date.parse('2026-01-01T00:00:00Z');
const NOW = MADE + 100 * DAY;
const LEAVES = ['client.pem', 'peer.pem', 'server.pem'];
let phase0: Map<string, Uint8Array>;
let phase1: Map<string, Uint8Array>;
let phase2: Map<string, Uint8Array>;
let phase3: Map<string, Uint8Array>;

const text = (b: Uint8Array | undefined): string => new TextDecoder().decode(b);
const spki = (pem: string): string => createPublicKey(pem).export({ type: 'spki', format: 'der' }).toString('hex');

async function refusal(files: Map<string, Uint8Array>, step: CaRotationStep): Promise<string> {
  const error = await planCaRotation(files, step, { now: () => NOW }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LayoutError);
  expect((error as LayoutError).code).toBe('ERR_LAYOUT_ROTATION_PHASE');
  return (error as LayoutError).problems.join('\n');
}

beforeAll(async () => {
  phase0 = await makeSet(MADE);
  const one = await planCaRotation(phase0, 'start', { now: () => NOW });
  phase1 = applied(phase0, one.files, one.remove);
  const two = await planCaRotation(phase1, 'reissue', { now: () => NOW });
  phase2 = applied(phase1, two.files, two.remove);
  const three = await planCaRotation(phase2, 'finish', { now: () => NOW });
  phase3 = applied(phase2, three.files, three.remove);
});

describe('planCaRotation, judged by OpenSSL (node:crypto X509Certificate)', () => {
  it('phase one: a new CA from ca-csr.json first in ca.pem, the old one after it and kept as ca-old.pem/ca-old-key.pem; leaves unchanged', async () => {
    const plan = await planCaRotation(phase0, 'start', { now: () => NOW });
    expect(plan.files.map((f) => [f.path, f.mode])).toEqual([
      ['ca-old.pem', 0o644],
      ['ca-old-key.pem', KEY_FILE_MODE],
      ['ca.pem', 0o644],
      ['ca-key.pem', KEY_FILE_MODE],
      ['ca.csr', 0o644],
    ]);
    expect(text(phase1.get('ca-old.pem'))).toBe(text(phase0.get('ca.pem')));
    expect(text(phase1.get('ca-old-key.pem'))).toBe(text(phase0.get('ca-key.pem')));
    const [fresh, old, ...more] = x509s(phase1.get('ca.pem'));
    expect(more).toEqual([]);
    expect(old!.raw.equals(x509s(phase0.get('ca.pem'))[0]!.raw)).toBe(true);
    expect(fresh!.ca).toBe(true);
    expect(fresh!.subject).toBe(old!.subject);
    expect(spki(fresh!.publicKey.export({ type: 'spki', format: 'pem' }) as string)).toBe(spki(text(phase1.get('ca-key.pem'))));
    expect(spki(text(phase1.get('ca-key.pem')))).not.toBe(spki(text(phase0.get('ca-key.pem'))));
    for (const leaf of LEAVES) {
      expect(text(phase1.get(leaf))).toBe(text(phase0.get(leaf)));
      expect(issuedBy(x509s(phase1.get(leaf))[0]!, old!)).toBe(true);
    }
    const state = await readCaRotationState(phase1);
    expect(state.phase).toBe('new-ca-trusted');
    expect(state.oldLeaves).toEqual(LEAVES);
    expect(state.next).toBe('-reissue');
  });

  it('phase two: every leaf signed by the new CA, keys kept; ca.pem still trusts both', async () => {
    const [fresh, old] = x509s(phase2.get('ca.pem'));
    for (const leaf of LEAVES) {
      const cert = x509s(phase2.get(leaf))[0]!;
      expect(issuedBy(cert, fresh!), leaf).toBe(true);
      expect(issuedBy(cert, old!), leaf).toBe(false);
      expect(text(phase2.get(leaf.replace('.pem', '-key.pem')))).toBe(text(phase0.get(leaf.replace('.pem', '-key.pem'))));
    }
    expect(text(phase2.get('ca.pem'))).toBe(text(phase1.get('ca.pem')));
    const state = await readCaRotationState(phase2);
    expect([state.phase, state.newLeaves, state.next]).toEqual(['leaves-reissued', LEAVES, '-finish']);
  });

  it('phase three: ca.pem holds the new CA alone and ca-old*.pem go; the directory is out of rotation', async () => {
    const plan = await planCaRotation(phase2, 'finish', { now: () => NOW });
    expect(plan.remove).toEqual(['ca-old.pem', 'ca-old-key.pem']);
    const [only, ...more] = x509s(phase3.get('ca.pem'));
    expect(more).toEqual([]);
    expect(only!.raw.equals(x509s(phase2.get('ca.pem'))[0]!.raw)).toBe(true);
    expect(phase3.has('ca-old.pem') || phase3.has('ca-old-key.pem')).toBe(false);
    expect((await readCaRotationState(phase3)).phase).toBe('none');
  });

  it('refuses every step out of order, saying which phase the directory is in', async () => {
    expect(await refusal(phase0, 'reissue')).toBe(
      'rotate-ca -reissue cannot run now: no CA rotation in progress (ca.pem holds one CA certificate); next is rotate-ca',
    );
    expect(await refusal(phase0, 'finish')).toMatch(/^rotate-ca -finish cannot run now: no CA rotation in progress/);
    expect(await refusal(phase1, 'start')).toBe(
      'rotate-ca cannot run now: CA rotation phase one of three done: ca.pem trusts the new and the old CA, 3 leaves (client.pem, peer.pem, server.pem) ' +
        'still signed by the old CA; roll ca.pem out to every member, restarting them one by one, then re-issue the leaves; next is rotate-ca -reissue',
    );
    expect(await refusal(phase1, 'finish')).toMatch(
      /^rotate-ca -finish cannot run now: CA rotation phase one of three done: .*; next is rotate-ca -reissue$/,
    );
    expect(await refusal(phase2, 'start')).toMatch(
      /^rotate-ca cannot run now: CA rotation phase two of three done: .*; next is rotate-ca -finish$/,
    );
    expect(await refusal(phase2, 'reissue')).toMatch(/^rotate-ca -reissue cannot run now: CA rotation phase two of three done/);
  });

  it('an interrupted phase three is finished by -finish again; files that fit no phase stop every step', async () => {
    const interrupted = new Map(phase3);
    interrupted.set('ca-old-key.pem', phase2.get('ca-old-key.pem')!);
    const state = await readCaRotationState(interrupted);
    expect([state.phase, state.next]).toEqual(['finishing', '-finish']);
    const plan = await planCaRotation(interrupted, 'finish', { now: () => NOW });
    expect([plan.files, plan.remove]).toEqual([[], ['ca-old-key.pem']]);

    const noOld = new Map(phase1);
    noOld.delete('ca-old.pem');
    expect((await readCaRotationState(noOld)).description).toBe(
      'the CA files fit no phase of a CA rotation: ca.pem holds two certificates but ca-old.pem is missing',
    );
    const swapped = new Map(phase1);
    swapped.set('ca-old.pem', phase0.get('server.pem')!);
    expect((await readCaRotationState(swapped)).description).toBe(
      'the CA files fit no phase of a CA rotation: the second certificate of ca.pem is not the one in ca-old.pem',
    );
    for (const step of ['start', 'reissue', 'finish'] as const) expect(await refusal(noOld, step)).toMatch(/fix the CA files first$/);
  });
});

describe('checkLayout during a rotation', () => {
  it('reads the two-certificate ca.pem: leaves of the old CA chain to ca-old.pem, ca-old.pem is a CA, the phase is reported', async () => {
    const { checkLayout } = await import('../check-layout.js');
    const one = await checkLayout(phase1, { now: NOW });
    expect(one.certificates.flatMap((c) => c.problems).concat(one.problems)).toEqual([]);
    expect(one.rotation.phase).toBe('new-ca-trusted');
    expect(one.certificates.map((c) => [c.file, c.role, c.issuerFile])).toEqual([
      ['ca.pem', 'ca', 'ca.pem'],
      ['ca-old.pem', 'ca', 'ca-old.pem'],
      ['client.pem', 'client', 'ca-old.pem'],
      ['peer.pem', 'peer', 'ca-old.pem'],
      ['server.pem', 'peer', 'ca-old.pem'],
    ]);
    const two = await checkLayout(phase2, { now: NOW });
    expect(two.problemCount).toBe(0);
    expect(two.certificates.filter((c) => c.role !== 'ca').map((c) => c.issuerFile)).toEqual(['ca.pem', 'ca.pem', 'ca.pem']);
    // after -finish a leaf of the old CA is no longer trusted
    const stale = new Map(phase3);
    stale.set('server.pem', phase0.get('server.pem')!);
    const three = await checkLayout(stale, { now: NOW });
    expect(three.rotation.phase).toBe('none');
    expect(three.certificates.find((c) => c.file === 'server.pem')?.problems[0]).toMatch(/^x509: certificate signed by unknown authority/);
  });
});
