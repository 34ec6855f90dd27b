// Keep, re-issue or (re)create the CA of a layout.
import type { CryptoBackend, KeyPair, WebCrypto } from '@cfssl-ts/core';
import { expectedCsrFor, staleReasons, type ExistingIssuance, type ExpectedCsr } from './existing-issuance.js';
import type { RequestPair } from './input-documents.js';

/** `keep` / `stale` leave the CA as it is; `issue` runs initca, with the existing key when there is one. */
export type CaPlan =
  | { kind: 'keep' | 'stale'; reasons: string[]; expectedCsr: ExpectedCsr | null }
  | { kind: 'issue'; key: KeyPair | null; reasons: string[] };

/** How the CA is judged: the clock, `force`, and the crypto that reads keys and makes the expected CSR. */
export interface CaPlanOptions {
  now: number;
  force: boolean;
  crypto: WebCrypto;
  backend: CryptoBackend;
}

export async function planCa(
  state: ExistingIssuance,
  requests: RequestPair,
  { now, force, crypto, backend }: CaPlanOptions,
): Promise<CaPlan> {
  const { names } = state;
  if (state.key === null) {
    if (state.certificate === null) return { kind: 'issue', key: null, reasons: [] };
    const reasons = [`${names.key} is missing`];
    return force ? { kind: 'issue', key: null, reasons } : { kind: 'stale', reasons, expectedCsr: null };
  }
  if (state.certificate === null) return { kind: 'issue', key: state.key, reasons: [] };
  const expectedCsr = await expectedCsrFor(requests.effective, state.key, requests.file, backend);
  const reasons = state.certificate.ok
    ? await staleReasons(state.certificate.value, state.key, requests, expectedCsr, {
        names,
        issuer: 'self',
        issuerFile: names.certificate,
        extKeyUsages: null,
        requestedExtKeyUsages: null,
        now,
        crypto,
        backend,
      })
    : [state.certificate.reason];
  if (reasons.length === 0) return { kind: 'keep', reasons, expectedCsr };
  return force ? { kind: 'issue', key: state.key, reasons } : { kind: 'stale', reasons, expectedCsr };
}
