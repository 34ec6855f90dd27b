// cfssl ocsp.Source: where the responder finds the pre-signed response for a request.
import { parseOcspResponse, type OcspCertId } from '@cfssl-ts/core';

/** Finds the DER response for a request's CertID; null when it has none (the responder answers `unauthorized`). */
export interface OcspResponseSource {
  response(request: OcspCertId): Promise<Uint8Array | null>;
}

/**
 * cfssl ocsp.NewSourceFromFile: whitespace-separated base64 DER responses (what `ocspdump` prints),
 * indexed by decimal serial alone (a later response for a serial replaces an earlier one). Entries
 * that do not decode or parse are reported through `log` and skipped.
 *
 * @example
 * const source = ocspSourceFromResponsesText(readFileSync('responses', 'utf8'), console.error);
 */
export function ocspSourceFromResponsesText(
  text: string,
  log: (message: string) => void = () => {},
): OcspResponseSource & { size: number } {
  const bySerial = new Map<string, Uint8Array>();
  for (const b64 of text.split(/\s/)) {
    if (b64 === '') continue;
    const der = decodeStdBase64(b64);
    if (!der) {
      log(`Base64 decode error illegal base64 data on: ${b64}`);
      continue;
    }
    try {
      bySerial.set(parseOcspResponse(der).serialNumber.toString(), der);
    } catch (err) {
      log(`OCSP decode error ${err instanceof Error ? err.message : String(err)} on: ${b64}`);
    }
  }
  return {
    size: bySerial.size,
    response: (request) => Promise.resolve(bySerial.get(request.serialNumber.toString()) ?? null),
  };
}

/** Go base64.StdEncoding.DecodeString (not strict: trailing bits are ignored): padded standard alphabet, or null. */
export function decodeStdBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  return Uint8Array.from(Buffer.from(text, 'base64'));
}
