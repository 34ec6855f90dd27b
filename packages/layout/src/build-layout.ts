// A layout spec + the files already in the directory -> what to keep, what to issue, what to write.
import {
  CfsslError,
  exportPrivateKeyPem,
  initCa,
  keysMatch,
  parseCertificate,
  parseConfig,
  resolveIssuanceContext,
  resolveUsages,
  signCertificateRequest,
  webCryptoBackend,
  type IssuanceOptions,
  type InitCaResult,
  type ParsedCertificate,
  type SigningAuthority,
  type SigningPolicy,
  type WebCrypto,
} from '@cfssl-ts/core';
import { csrMatches } from './_internal/certificate-mismatches.js';
import { expectedCsrFor, readExistingIssuance, settleCsr, staleReasons, type ExistingIssuance } from './_internal/existing-issuance.js';
import { parseInput, readRequest, resolveDocument } from './_internal/input-documents.js';
import { Recorder } from './_internal/layout-recorder.js';
import { parseCsrFile } from './_internal/parse-layout-pem.js';
import { planCa } from './_internal/plan-ca.js';
import { LayoutError } from './layout-error.js';
import type { LayoutFileOutcome } from './layout-file-outcome.js';
import { layoutFileNames } from './layout-file-names.js';
import type { LayoutSpec } from './layout-spec.js';
import type { PlannedFile } from './planned-file.js';

/** The result of {@link buildLayout}: the files to write, and an outcome for every file of the layout. */
export interface LayoutBuild {
  /** New and replaced files, for `applyPlan` (existing keys are never among them). */
  files: PlannedFile[];
  /** Every file of the spec in layout order. */
  outcomes: LayoutFileOutcome[];
  /** Non-fatal findings (unknown keys in ca-config.json), each prefixed with its file. */
  warnings: string[];
  /** True when some file differs from its inputs and was kept (run again with `force`). */
  stale: boolean;
}

/** Options of {@link buildLayout}. */
export interface BuildLayoutOptions extends IssuanceOptions {
  /** Replace input documents, certificates and CSRs that differ from the request (keys are kept and reused). */
  force?: boolean;
  /** WebCrypto provider reading the existing keys (and making the default backend); default globalThis.crypto. */
  crypto?: WebCrypto;
}

// cfssl's refusals (bad key spec, policy) name the CSR JSON they came from.
function wrapIssuance(file: string, error: unknown): never {
  if (error instanceof CfsslError) throw new LayoutError('ERR_LAYOUT_INPUT_FILE', file, [error.message], error);
  throw error;
}

/**
 * Decide, for every file of `spec`, whether to keep, create or replace it, given the files
 * already in the directory (`existing`: file name -> bytes; none when omitted), and issue what is needed with core.
 *
 * - Input documents (`ca-config.json`, `*-csr.json`) missing are written; one that differs from
 *   the spec is kept and used as it is (outcome `stale`) unless `force` replaces it.
 * - An existing private key is never replaced: a missing certificate is signed for it, and a
 *   certificate that no longer matches its inputs (key, CA, subject, hosts, usages, validity) is
 *   reported `stale`, or re-issued with the same key under `force`.
 * - Missing keys are generated concurrently (RSA generation dominates the run), the CA with
 *   cfssl's `gencert -initca` (or `-initca -ca-key` for an existing key), the others with
 *   `gencert -ca -ca-key -config -profile`.
 *
 * Throws {@link LayoutError} for a file that cannot be used (an unreadable key, a CSR JSON or
 * config cfssl would reject) or when a certificate must be signed but the CA key is missing.
 *
 * @example
 * // the etcd tutorial's set from nothing (the files of `cfssl-ts etcd-cert`), then written by '@cfssl-ts/layout/node'
 * const build = await buildLayout(etcdPreset({ hosts: ['127.0.0.1', '10.0.0.11'] }));
 * await applyPlan(build.files, { dir: 'etcd-cert' });
 */
export async function buildLayout(
  spec: LayoutSpec,
  existing: ReadonlyMap<string, Uint8Array> = new Map(),
  options: BuildLayoutOptions = {},
): Promise<LayoutBuild> {
  const crypto = options.crypto ?? globalThis.crypto;
  const context = resolveIssuanceContext({ ...options, backend: options.backend ?? webCryptoBackend(crypto) });
  const now = context.now();
  const force = options.force === true;
  const out = new Recorder(existing);

  // Input documents, then what cfssl would read from them.
  const configDoc = resolveDocument(spec.configFile, spec.config, existing, force, out);
  const config = parseInput(spec.configFile, () => parseConfig(configDoc.text));
  const requestedPolicy = configDoc.stale ? parseInput(spec.configFile, () => parseConfig(JSON.stringify(spec.config))).policy : null;
  const warnings = config.warnings.map((w) => `${spec.configFile}: ${w.path}: ${w.message}`);
  const policy: SigningPolicy = config.policy;
  const caRequests = readRequest(spec.ca.csrFile, spec.ca.csr, existing, force, out);
  const caRequest = caRequests.effective;
  const leaves = spec.certificates.map((entry) => {
    const requests = readRequest(entry.csrFile, entry.csr, existing, force, out);
    const profile = policy.profiles.get(entry.profile);
    if (profile === undefined) {
      throw new LayoutError('ERR_LAYOUT_INPUT_FILE', spec.configFile, [
        `no profile ${JSON.stringify(entry.profile)} (needed for ${entry.base}.pem)`,
      ]);
    }
    const requestedProfile = requestedPolicy?.profiles.get(entry.profile);
    const requestedExtKeyUsages =
      requestedProfile === undefined ? null : { file: spec.configFile, usages: resolveUsages(requestedProfile.usages).extKeyUsages };
    return {
      entry,
      requests,
      request: requests.effective,
      extKeyUsages: resolveUsages(profile.usages).extKeyUsages,
      requestedExtKeyUsages,
    };
  });

  // Existing PEM files; then which keys must be made, all at once.
  const caState = await readExistingIssuance(spec.ca.base, existing, crypto);
  const leafStates = await Promise.all(leaves.map((leaf) => readExistingIssuance(leaf.entry.base, existing, crypto)));
  const caPlan = await planCa(caState, caRequests, { now, force, crypto, backend: context.backend });
  const leafNewKey = leafStates.map((state) => state.key === null && (state.certificate === null || force));

  const caIssue: Promise<InitCaResult | null> =
    caPlan.kind === 'issue'
      ? initCa(caRequest, caPlan.key === null ? context : { ...context, key: caPlan.key }).catch((e: unknown) =>
          wrapIssuance(spec.ca.csrFile, e),
        )
      : Promise.resolve(null);
  const leafKeys = leaves.map((leaf, i) =>
    leafNewKey[i] === true
      ? context.backend.generateKeyPair(leaf.request.key).catch((e: unknown) => wrapIssuance(leaf.entry.csrFile, e))
      : Promise.resolve(null),
  );
  const [caIssued, newKeys] = await Promise.all([caIssue, Promise.all(leafKeys)]);

  // The CA as it will be after this run.
  const caNames = caState.names;
  let caCertificate: ParsedCertificate | null = caState.certificate?.ok === true ? caState.certificate.value : null;
  let caKey = caState.key;
  if (caIssued !== null) {
    caCertificate = parseCertificate(caIssued.certificate.der);
    caKey = caIssued.key;
    out.write(caNames.certificate, caIssued.certificate.pem, 'certificate', caPlan.reasons);
    if (caIssued.keyPem !== null) out.write(caNames.key, caIssued.keyPem, 'private-key');
    else out.record(caNames.key, 'kept');
    // A CA re-made for its existing key keeps a CSR that still requests the same (same CertificationRequestInfo)
    const issuedCsr = parseCsrFile(new TextEncoder().encode(caIssued.csrPem));
    const sameCsr = caIssued.keyPem === null && caState.csr?.ok === true && issuedCsr.ok && csrMatches(caState.csr.value, issuedCsr.value);
    if (sameCsr) out.record(caNames.csr, 'kept');
    else out.write(caNames.csr, caIssued.csrPem, 'csr');
  } else if (caPlan.kind !== 'issue') {
    out.record(caNames.certificate, caPlan.kind === 'keep' ? 'kept' : 'stale', caPlan.reasons);
    out.record(
      caNames.key,
      caKey === null ? 'stale' : 'kept',
      caKey === null ? ['missing; pass -force to make a new CA key and certificate'] : [],
    );
    if (caPlan.expectedCsr !== null) settleCsr(caState, caPlan.expectedCsr, force, out);
    else if (caState.csr !== null) out.record(caNames.csr, 'kept');
  }
  const authority: SigningAuthority | null =
    caCertificate !== null && caKey !== null && keysMatch(caKey, caCertificate.subjectPublicKeyInfo)
      ? { certificate: caCertificate, key: caKey }
      : null;

  await Promise.all(
    leaves.map(async (leaf, i) => {
      const state = leafStates[i] as ExistingIssuance;
      const { names } = state;
      const newKey = newKeys[i] ?? null;
      const key = newKey ?? state.key;
      if (key === null) {
        // a certificate without its key, and no force: nothing can be done safely
        out.record(names.certificate, 'stale', [`${names.key} is missing`]);
        out.record(names.key, 'stale', [`missing; pass -force to make a new key and re-issue ${names.certificate}`]);
        if (state.csr !== null) out.record(names.csr, 'kept');
        return;
      }
      const expectedCsr = await expectedCsrFor(leaf.request, key, leaf.entry.csrFile, context.backend);
      let reasons: string[] = [];
      if (newKey === null && state.certificate !== null) {
        if (!state.certificate.ok) reasons = [state.certificate.reason];
        else if (caCertificate === null)
          reasons = [`${caNames.certificate} cannot be read, so the certificate cannot be checked against it`];
        else {
          reasons = await staleReasons(state.certificate.value, key, leaf.requests, expectedCsr, {
            names,
            issuer: caCertificate,
            issuerFile: caNames.certificate,
            extKeyUsages: leaf.extKeyUsages,
            requestedExtKeyUsages: leaf.requestedExtKeyUsages,
            now,
            crypto,
            backend: context.backend,
          });
        }
        if (reasons.length === 0) {
          out.record(names.certificate, 'kept');
          out.record(names.key, 'kept');
          settleCsr(state, expectedCsr, force, out);
          return;
        }
        if (!force) {
          out.record(names.certificate, 'stale', reasons);
          out.record(names.key, 'kept');
          if (state.csr !== null) out.record(names.csr, 'kept');
          return;
        }
      } else if (newKey !== null && state.certificate !== null) {
        reasons = [`${names.key} is missing`];
      }
      if (authority === null) {
        const why =
          caKey === null
            ? `${caNames.key} is missing`
            : caCertificate === null
              ? `${caNames.certificate} cannot be read`
              : `${caNames.key} does not match ${caNames.certificate}`;
        throw new LayoutError('ERR_LAYOUT_NO_SIGNER', caCertificate === null ? caNames.certificate : caNames.key, [
          `cannot sign ${names.certificate}: ${why}`,
        ]);
      }
      const signed = await signCertificateRequest(
        { request: expectedCsr.pem, hosts: null, profile: leaf.entry.profile, serial: null },
        policy,
        authority,
        context,
      ).catch((error: unknown) => wrapIssuance(leaf.entry.csrFile, error));
      out.write(names.certificate, signed.pem, 'certificate', reasons);
      if (newKey !== null) out.write(names.key, exportPrivateKeyPem(newKey), 'private-key');
      else out.record(names.key, 'kept');
      if (state.csr?.ok === true && csrMatches(state.csr.value, expectedCsr.parsed)) out.record(names.csr, 'kept');
      else out.write(names.csr, expectedCsr.pem, 'csr');
    }),
  );

  const order = layoutFileNames(spec);
  const outcomes = order.flatMap((file) => {
    const outcome = out.outcomes.get(file);
    return outcome === undefined ? [] : [outcome];
  });
  const files = order.flatMap((file) => {
    const planned = out.files.get(file);
    return planned === undefined ? [] : [planned];
  });
  return { files, outcomes, warnings, stale: outcomes.some((o) => o.action === 'stale') };
}
