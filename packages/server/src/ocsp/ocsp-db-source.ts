// cfssl ocsp.DBSource (1.6): responses looked up in the certificate database's ocsp_responses table.
import type { OcspResponseSource } from './ocsp-response-source.js';

/** One stored response, as the source needs it (a row of cfssl's `ocsp_responses`). */
export interface StoredOcspResponse {
  /** DER of the OCSP response. */
  body: Uint8Array;
  /** ms since epoch. */
  expiry: number;
}

/** What the source reads: cfssl's certdb.Accessor.GetOCSP (decimal serial, lowercase-hex AKI). */
export interface OcspResponseStore {
  getOcsp(serial: string, authorityKeyId: string): Promise<StoredOcspResponse[]>;
}

/**
 * cfssl ocsp.DBSource.Response: the row for the request's decimal serial and the lowercase hex of its
 * issuerKeyHash, the one with the latest expiry when there are several; none → null (`unauthorized`).
 * Since cfssl stores the issuer's SKI as the key, only SHA-1 CertIDs find a row (reference §6.7).
 * A store failure rejects, which the handler answers with 500 `internalError`.
 *
 * @example
 * const source = ocspSourceFromStore(await openCertdb(config));
 */
export function ocspSourceFromStore(store: OcspResponseStore): OcspResponseSource {
  return {
    async response(request) {
      const aki = Buffer.from(request.issuerKeyHash).toString('hex');
      const records = await store.getOcsp(request.serialNumber.toString(), aki);
      let best: StoredOcspResponse | undefined;
      for (const r of records) if (best === undefined || r.expiry > best.expiry) best = r;
      return best === undefined ? null : best.body;
    },
  };
}
