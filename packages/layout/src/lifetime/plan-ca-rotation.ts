// The three phases of replacing a directory's CA without downtime (cfssl-ts rotate-ca), each as a plan of files.
import {
  CfsslError,
  encodePem,
  initCa,
  keysMatch,
  parseCertificate,
  parseCsrRequest,
  resolveIssuanceContext,
  webCryptoBackend,
  type ParsedCertificate,
} from '@cfssl-ts/core';
import { CA_FILES } from '../_internal/certificate-files.js';
import { parseInput } from '../_internal/input-documents.js';
import { parseKeyFile } from '../_internal/parse-layout-pem.js';
import { LayoutError } from '../layout-error.js';
import { KEY_FILE_MODE, PUBLIC_FILE_MODE, type PlannedFile } from '../planned-file.js';
import { readCaRotationState, type CaRotationPhase, type CaRotationState } from './ca-rotation-state.js';
import { reissueLeaves, type ReissuedLeaf, type ReissueLeavesOptions } from './reissue-leaves.js';

/** `start`: phase one (`rotate-ca`); `reissue`: phase two (`-reissue`); `finish`: phase three (`-finish`). */
export type CaRotationStep = 'start' | 'reissue' | 'finish';

/** The result of {@link planCaRotation}. */
export interface CaRotationPlan {
  /** The phase the directory was in. */
  before: CaRotationState;
  /** Files to write, all or nothing; `start` replaces ca-key.pem, so the writer needs `force`. */
  files: PlannedFile[];
  /** Files to remove once `files` are written (`finish`: ca-old.pem, ca-old-key.pem). */
  remove: string[];
  /** `reissue`: the leaves signed again under the new CA. */
  reissued: ReissuedLeaf[];
  /** `reissue`: leaves signed by the old CA that could not be re-issued (`rotate-ca -reissue` refuses to go on). */
  skipped: { file: string; reason: string }[];
  /** The CA certificate ca.pem starts with after the step. */
  newCa: ParsedCertificate;
}

/** Options of {@link planCaRotation}. */
export type PlanCaRotationOptions = Omit<ReissueLeavesOptions, 'select' | 'rekey'>;

const ALLOWED: Readonly<Record<CaRotationStep, readonly CaRotationPhase[]>> = {
  start: ['none'],
  reissue: ['new-ca-trusted'],
  finish: ['leaves-reissued', 'finishing'],
};

const FLAG: Readonly<Record<CaRotationStep, string>> = { start: 'rotate-ca', reissue: 'rotate-ca -reissue', finish: 'rotate-ca -finish' };

function refuse(step: CaRotationStep, state: CaRotationState): never {
  const next = state.next === null ? 'fix the CA files first' : `next is ${state.next === '' ? 'rotate-ca' : `rotate-ca ${state.next}`}`;
  throw new LayoutError('ERR_LAYOUT_ROTATION_PHASE', CA_FILES.ca, [`${FLAG[step]} cannot run now: ${state.description}; ${next}`]);
}

async function startRotation(
  files: ReadonlyMap<string, Uint8Array>,
  state: CaRotationState,
  options: PlanCaRotationOptions,
): Promise<CaRotationPlan> {
  const crypto = options.crypto ?? globalThis.crypto;
  const context = resolveIssuanceContext({ ...options, backend: options.backend ?? webCryptoBackend(crypto) });
  const caBytes = files.get(CA_FILES.ca) as Uint8Array;
  const keyBytes = files.get(CA_FILES.caKey);
  if (keyBytes === undefined)
    throw new LayoutError('ERR_LAYOUT_NO_SIGNER', CA_FILES.caKey, ['missing: the old CA key is kept as ca-old-key.pem']);
  const oldKey = await parseKeyFile(keyBytes, crypto);
  if (!oldKey.ok) throw new LayoutError('ERR_LAYOUT_INPUT_FILE', CA_FILES.caKey, [oldKey.reason]);
  const oldCa = state.trusted[0] as ParsedCertificate;
  if (!keysMatch(oldKey.value, oldCa.subjectPublicKeyInfo))
    throw new LayoutError('ERR_LAYOUT_NO_SIGNER', CA_FILES.caKey, ['not the key of ca.pem']);
  const csrBytes = files.get(CA_FILES.caCsrJson);
  if (csrBytes === undefined) throw new LayoutError('ERR_LAYOUT_INPUT_FILE', CA_FILES.caCsrJson, ['missing (the new CA is made from it)']);
  const request = parseInput(CA_FILES.caCsrJson, () => parseCsrRequest(new TextDecoder().decode(csrBytes)));
  const made = await initCa(request, context).catch((error: unknown) => {
    if (error instanceof CfsslError) throw new LayoutError('ERR_LAYOUT_INPUT_FILE', CA_FILES.caCsrJson, [error.message], error);
    throw error;
  });
  if (made.keyPem === null) throw new Error('initCa made no key');
  const oldPem = new TextDecoder().decode(caBytes).trim();
  const files_: PlannedFile[] = [
    { path: CA_FILES.oldCa, contents: caBytes, mode: PUBLIC_FILE_MODE, kind: 'certificate' },
    { path: CA_FILES.oldCaKey, contents: keyBytes, mode: KEY_FILE_MODE, kind: 'private-key' },
    // Go's CertPool and OpenSSL trust every certificate of the file: the new CA, then the old
    { path: CA_FILES.ca, contents: `${made.certificate.pem.trimEnd()}\n${oldPem}\n`, mode: PUBLIC_FILE_MODE, kind: 'certificate' },
    { path: CA_FILES.caKey, contents: made.keyPem, mode: KEY_FILE_MODE, kind: 'private-key' },
    { path: CA_FILES.caCsr, contents: made.csrPem, mode: PUBLIC_FILE_MODE, kind: 'csr' },
  ];
  return { before: state, files: files_, remove: [], reissued: [], skipped: [], newCa: parseCertificate(made.certificate.der) };
}

/**
 * Plan one phase of a CA rotation for a certificate directory (file name -> bytes):
 *
 * 1. `start`: a new CA key and certificate from `ca-csr.json`; the old ones kept as `ca-old.pem` and
 *    `ca-old-key.pem`; `ca.pem` becomes the new CA followed by the old (trust both). Leaves are unchanged.
 * 2. `reissue`: every leaf still signed by the old CA is signed by the new one, keys kept ({@link reissueLeaves}).
 * 3. `finish`: `ca.pem` holds the new CA alone; `ca-old.pem` and `ca-old-key.pem` are to be removed.
 *
 * Each step refuses, with {@link LayoutError} `ERR_LAYOUT_ROTATION_PHASE`, unless the directory is in
 * the phase before it ({@link readCaRotationState}); the message says which phase it is in.
 *
 * @example
 * const plan = await planCaRotation(filesOf('etcd-cert'), 'start');
 * await applyPlan(plan.files, { dir: 'etcd-cert', force: true });
 */
export async function planCaRotation(
  files: ReadonlyMap<string, Uint8Array>,
  step: CaRotationStep,
  options: PlanCaRotationOptions = {},
): Promise<CaRotationPlan> {
  const state = await readCaRotationState(files, options.crypto);
  if (!ALLOWED[step].includes(state.phase)) refuse(step, state);
  const newCa = state.trusted[0] as ParsedCertificate;
  if (step === 'start') return startRotation(files, state, options);
  if (step === 'reissue') {
    const old = new Set(state.oldLeaves);
    const result = await reissueLeaves(files, { ...options, select: (leaf) => old.has(leaf.file) });
    return { before: state, files: result.files, remove: [], reissued: result.reissued, skipped: result.skipped, newCa };
  }
  const caFile: PlannedFile[] =
    state.trusted.length === 1
      ? []
      : [{ path: CA_FILES.ca, contents: encodePem('CERTIFICATE', newCa.raw), mode: PUBLIC_FILE_MODE, kind: 'certificate' }];
  const remove = [CA_FILES.oldCa, CA_FILES.oldCaKey].filter((f) => files.has(f));
  return { before: state, files: caFile, remove, reissued: [], skipped: [], newCa };
}
