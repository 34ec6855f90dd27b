// Re-sign a directory's leaves with its CA, each from its own CSR JSON and the ca-config.json profile it was signed with.
import {
  CfsslError,
  createCsrForKey,
  exportPrivateKeyPem,
  keysMatch,
  parseCertificate,
  parseConfig,
  parseCsr,
  parseCsrRequest,
  resolveIssuanceContext,
  signCertificateRequest,
  webCryptoBackend,
  type IssuanceOptions,
  type KeyPair,
  type ParsedCertificate,
  type WebCrypto,
} from '@cfssl-ts/core';
import { CA_FILES, leafCertificateFiles } from '../_internal/certificate-files.js';
import { csrMatches, isSignedBy } from '../_internal/certificate-mismatches.js';
import { inferProfile } from '../_internal/infer-profile.js';
import { parseInput } from '../_internal/input-documents.js';
import { parseCertificateFile, parseCsrFile, parseKeyFile } from '../_internal/parse-layout-pem.js';
import { readCaBundle } from '../_internal/read-ca-bundle.js';
import { LayoutError } from '../layout-error.js';
import { issuedFileNames } from '../layout-file-names.js';
import { KEY_FILE_MODE, PUBLIC_FILE_MODE, type PlannedFile } from '../planned-file.js';

/** The config file the tutorials' directories hold (what etcd-cert and k8s-cert write). */
export const LAYOUT_CONFIG_FILE = 'ca-config.json';

/** A leaf of the directory, offered to {@link ReissueLeavesOptions.select}. */
export interface LeafCandidate {
  file: string;
  certificate: ParsedCertificate;
}

/** Options of {@link reissueLeaves}. */
export interface ReissueLeavesOptions extends IssuanceOptions {
  /** WebCrypto provider reading the existing keys; default globalThis.crypto. */
  crypto?: WebCrypto;
  /** Which leaves to re-issue; default all. */
  select?: (leaf: LeafCandidate) => boolean;
  /** Make a new key (from the CSR JSON's key spec) instead of keeping `<base>-key.pem`. */
  rekey?: boolean;
}

/** One re-issued leaf. */
export interface ReissuedLeaf {
  file: string;
  /** The profile it was re-issued with (`''`: signing.default). */
  profile: string;
  previousNotAfter: number;
  notAfter: number;
  rekeyed: boolean;
}

/** The result of {@link reissueLeaves}. */
export interface LeafReissue {
  /** The files to write (certificates, CSRs, and keys when rekeying); nothing of the CA. */
  files: PlannedFile[];
  reissued: ReissuedLeaf[];
  /** Leaves selected but left alone, with the reason. */
  skipped: { file: string; reason: string }[];
}

interface Signer {
  certificate: ParsedCertificate;
  key: KeyPair;
  trusted: ParsedCertificate[];
}

async function readSigner(files: ReadonlyMap<string, Uint8Array>, crypto: WebCrypto): Promise<Signer> {
  const caBytes = files.get(CA_FILES.ca);
  if (caBytes === undefined) throw new LayoutError('ERR_LAYOUT_NO_SIGNER', CA_FILES.ca, ['missing']);
  const bundle = readCaBundle(caBytes);
  if (!bundle.ok) throw new LayoutError('ERR_LAYOUT_INPUT_FILE', CA_FILES.ca, [bundle.reason]);
  const keyBytes = files.get(CA_FILES.caKey);
  if (keyBytes === undefined) throw new LayoutError('ERR_LAYOUT_NO_SIGNER', CA_FILES.caKey, ['missing (the CA key signs the leaves)']);
  const key = await parseKeyFile(keyBytes, crypto);
  if (!key.ok) throw new LayoutError('ERR_LAYOUT_INPUT_FILE', CA_FILES.caKey, [key.reason]);
  const certificate = bundle.value[0] as ParsedCertificate;
  if (!keysMatch(key.value, certificate.subjectPublicKeyInfo)) {
    throw new LayoutError('ERR_LAYOUT_NO_SIGNER', CA_FILES.caKey, [`not the key of ${CA_FILES.ca}'s first certificate`]);
  }
  return { certificate, key: key.value, trusted: bundle.value };
}

function issuanceFailure(file: string, error: unknown): never {
  if (error instanceof CfsslError) throw new LayoutError('ERR_LAYOUT_INPUT_FILE', file, [error.message], error);
  throw error;
}

/**
 * Re-issue the leaves of a certificate directory (file name -> bytes) under its CA: the first
 * certificate of `ca.pem` with `ca-key.pem`. Every `*.pem` other than the CA's, signed by a
 * certificate of `ca.pem` and chosen by `select`, is signed again from `<base>-csr.json` with the
 * profile of `ca-config.json` whose usages (and expiry) it has, as `cfssl gencert -profile` did;
 * its key is kept unless `rekey`. The CA's files are never among the planned files.
 *
 * Throws {@link LayoutError} when the config, the CA, a CSR JSON or a key cannot be used.
 *
 * @example
 * const { files, reissued } = await reissueLeaves(filesOf('etcd-cert'), { select: (l) => l.certificate.notAfter < soon });
 * await applyPlan(files, { dir: 'etcd-cert' });
 */
export async function reissueLeaves(files: ReadonlyMap<string, Uint8Array>, options: ReissueLeavesOptions = {}): Promise<LeafReissue> {
  const crypto = options.crypto ?? globalThis.crypto;
  const context = resolveIssuanceContext({ ...options, backend: options.backend ?? webCryptoBackend(crypto) });
  const configBytes = files.get(LAYOUT_CONFIG_FILE);
  if (configBytes === undefined) {
    throw new LayoutError('ERR_LAYOUT_INPUT_FILE', LAYOUT_CONFIG_FILE, ['missing (leaves are signed with its profiles)']);
  }
  const { policy } = parseInput(LAYOUT_CONFIG_FILE, () => parseConfig(new TextDecoder().decode(configBytes)));
  const signer = await readSigner(files, crypto);

  const skipped: { file: string; reason: string }[] = [];
  const chosen: { file: string; certificate: ParsedCertificate }[] = [];
  for (const file of leafCertificateFiles(files.keys())) {
    const parsed = parseCertificateFile(files.get(file) as Uint8Array);
    if (!parsed.ok) {
      skipped.push({ file, reason: parsed.reason });
      continue;
    }
    if (parsed.value.isCa) continue;
    const leaf = { file, certificate: parsed.value };
    if (options.select !== undefined && !options.select(leaf)) continue;
    let signedByCa = false;
    for (const ca of signer.trusted) if (!signedByCa && (await isSignedBy(parsed.value, ca, crypto))) signedByCa = true;
    if (!signedByCa) skipped.push({ file, reason: `not signed by ${CA_FILES.ca}, so not renewed under it` });
    else if (!files.has(`${file.replace(/\.pem$/, '')}-csr.json`))
      skipped.push({ file, reason: `no ${file.replace(/\.pem$/, '')}-csr.json to re-issue it from` });
    else chosen.push(leaf);
  }

  const authority = { certificate: signer.certificate, key: signer.key };
  const results = await Promise.all(
    chosen.map(async ({ file, certificate }) => {
      const base = file.replace(/\.pem$/, '');
      const names = issuedFileNames(base);
      const csrFile = `${base}-csr.json`;
      const request = parseInput(csrFile, () => parseCsrRequest(new TextDecoder().decode(files.get(csrFile) as Uint8Array)));
      const profile = inferProfile(policy, certificate, file, LAYOUT_CONFIG_FILE);
      let key: KeyPair;
      if (options.rekey === true) {
        key = await context.backend.generateKeyPair(request.key).catch((e: unknown) => issuanceFailure(csrFile, e));
      } else {
        const keyBytes = files.get(names.key);
        if (keyBytes === undefined) throw new LayoutError('ERR_LAYOUT_INPUT_FILE', names.key, [`missing (the key of ${file})`]);
        const parsed = await parseKeyFile(keyBytes, crypto);
        if (!parsed.ok) throw new LayoutError('ERR_LAYOUT_INPUT_FILE', names.key, [parsed.reason]);
        if (!keysMatch(parsed.value, certificate.subjectPublicKeyInfo)) {
          throw new LayoutError('ERR_LAYOUT_INPUT_FILE', names.key, [
            `not the key of ${file}; re-issue with a new key (-rekey) or fix the pair`,
          ]);
        }
        key = parsed.value;
      }
      const csr = await createCsrForKey(request, key, { backend: context.backend }).catch((e: unknown) => issuanceFailure(csrFile, e));
      const signed = await signCertificateRequest(
        { request: csr.pem, hosts: null, profile, serial: null },
        policy,
        authority,
        context,
      ).catch((e: unknown) => issuanceFailure(csrFile, e));
      const planned: PlannedFile[] = [{ path: names.certificate, contents: signed.pem, mode: PUBLIC_FILE_MODE, kind: 'certificate' }];
      if (options.rekey === true)
        planned.push({ path: names.key, contents: exportPrivateKeyPem(key), mode: KEY_FILE_MODE, kind: 'private-key' });
      const existingCsr = files.get(names.csr);
      const current = existingCsr === undefined ? null : parseCsrFile(existingCsr);
      if (current?.ok !== true || !csrMatches(current.value, parseCsr(csr.der))) {
        planned.push({ path: names.csr, contents: csr.pem, mode: PUBLIC_FILE_MODE, kind: 'csr' });
      }
      const reissued: ReissuedLeaf = {
        file,
        profile,
        previousNotAfter: certificate.notAfter,
        notAfter: parseCertificate(signed.der).notAfter,
        rekeyed: options.rekey === true,
      };
      return { planned, reissued };
    }),
  );
  return { files: results.flatMap((r) => r.planned), reissued: results.map((r) => r.reissued), skipped };
}
