// The key, certificate and CSR already in the directory for one base name, and what they are checked against.
import {
  createCsrForKey,
  parseCsr,
  type CertificateRequestSpec,
  type CryptoBackend,
  type KeyPair,
  type ParsedCertificate,
  type ParsedCsr,
  type WebCrypto,
} from '@cfssl-ts/core';
import { LayoutError } from '../layout-error.js';
import { issuedFileNames, type IssuedFileNames } from '../layout-file-names.js';
import { certificateMismatches, csrMatches } from './certificate-mismatches.js';
import { messageOf, type RequestPair } from './input-documents.js';
import type { Recorder } from './layout-recorder.js';
import { parseCertificateFile, parseCsrFile, parseKeyFile, type Parsed } from './parse-layout-pem.js';

/** `<base>-key.pem` (parsed; null when absent), `<base>.pem` and `<base>.csr` (null when absent). */
export interface ExistingIssuance {
  names: IssuedFileNames;
  key: KeyPair | null;
  certificate: Parsed<ParsedCertificate> | null;
  csr: Parsed<ParsedCsr> | null;
}

/** The CSR the request gives with a key, in both forms. */
export interface ExpectedCsr {
  pem: string;
  parsed: ParsedCsr;
}

export async function readExistingIssuance(
  base: string,
  existing: ReadonlyMap<string, Uint8Array>,
  crypto: WebCrypto,
): Promise<ExistingIssuance> {
  const names = issuedFileNames(base);
  const keyBytes = existing.get(names.key);
  let key: KeyPair | null = null;
  if (keyBytes !== undefined) {
    const parsed = await parseKeyFile(keyBytes, crypto);
    // an unreadable key is never replaced: the user must look at it
    if (!parsed.ok) throw new LayoutError('ERR_LAYOUT_INPUT_FILE', names.key, [`${parsed.reason}; move it away to make a new key`]);
    key = parsed.value;
  }
  const certBytes = existing.get(names.certificate);
  const csrBytes = existing.get(names.csr);
  return {
    names,
    key,
    certificate: certBytes === undefined ? null : parseCertificateFile(certBytes),
    csr: csrBytes === undefined ? null : parseCsrFile(csrBytes),
  };
}

/** cfssl csr.Generate for an existing key (what `gencert` would put in `<base>.csr`). */
export async function expectedCsrFor(
  request: CertificateRequestSpec,
  key: KeyPair,
  csrFile: string,
  backend: CryptoBackend,
): Promise<ExpectedCsr> {
  try {
    const csr = await createCsrForKey(request, key, { backend });
    return { pem: csr.pem, parsed: parseCsr(csr.der) };
  } catch (error) {
    throw new LayoutError('ERR_LAYOUT_INPUT_FILE', csrFile, [messageOf(error)], error);
  }
}

/** The existing CSR file next to a kept certificate: keep it, create it, or flag it (replace it under force). */
export function settleCsr(state: ExistingIssuance, expected: ExpectedCsr, force: boolean, out: Recorder): void {
  const file = state.names.csr;
  if (state.csr === null) {
    out.write(file, expected.pem, 'csr');
    return;
  }
  const reason = state.csr.ok
    ? csrMatches(state.csr.value, expected.parsed)
      ? null
      : `it is not the request ${state.names.key} gives for the CSR JSON`
    : state.csr.reason;
  if (reason === null) {
    out.record(file, 'kept');
    return;
  }
  if (force) {
    out.write(file, expected.pem, 'csr', [reason]);
    return;
  }
  out.record(file, 'stale', [reason]);
}

/** What a certificate is checked against, besides its request and key. */
export interface CheckContext {
  names: IssuedFileNames;
  issuer: ParsedCertificate | 'self';
  issuerFile: string;
  /** The profile's extended key usages in force (null for the CA), and as requested when a kept config differs. */
  extKeyUsages: readonly string[] | null;
  requestedExtKeyUsages: { file: string; usages: readonly string[] } | null;
  now: number;
  /** Verifies signatures and reads keys. */
  crypto: WebCrypto;
  /** Signs the expected CSRs. */
  backend: CryptoBackend;
}

/**
 * Mismatches against the inputs in force; when an input file was kept although the spec asks for
 * something else, mismatches against the spec's request too (so a `-hosts` change shows on the certificate).
 */
export async function staleReasons(
  cert: ParsedCertificate,
  key: KeyPair,
  requests: RequestPair,
  expectedCsr: ExpectedCsr,
  ctx: CheckContext,
): Promise<string[]> {
  const base = { key, keyFile: ctx.names.key, issuer: ctx.issuer, issuerFile: ctx.issuerFile, now: ctx.now, crypto: ctx.crypto };
  const reasons = await certificateMismatches(cert, {
    ...base,
    extKeyUsages: ctx.extKeyUsages,
    request: requests.effective,
    expectedCsr: expectedCsr.parsed,
  });
  const requestedUsages = ctx.extKeyUsages === null ? null : ctx.requestedExtKeyUsages;
  if (reasons.length > 0 || (requests.requested === null && requestedUsages === null)) return reasons;
  const request = requests.requested ?? requests.effective;
  const wanted = requests.requested === null ? expectedCsr : await expectedCsrFor(request, key, requests.file, ctx.backend);
  const against = await certificateMismatches(cert, {
    ...base,
    extKeyUsages: requestedUsages?.usages ?? ctx.extKeyUsages,
    request,
    expectedCsr: wanted.parsed,
  });
  const kept = [requests.requested === null ? null : requests.file, requestedUsages?.file ?? null].filter((f) => f !== null);
  return against.map((reason) => `${reason} (as requested; ${kept.join(' and ')} ${kept.length > 1 ? 'were' : 'was'} kept)`);
}
