// cfssl helpers.ParseCertificatesPEM (then, for the -cert input, a DER certificate): every PEM block
// in order must be a certificate; text before a block is skipped; non-space text after the last block
// is a decode failure.
import { decodePemBlocks } from '../../pem/pem.js';
import { toChainCertificate, type ChainCertificate } from './chain-certificate.js';

/** Why a certificate list could not be read (cfssl DecodeFailed / ParseFailed of the caller's category). */
export type CertificateListFailure = 'decode' | 'parse';

/** The certificates of `text`, or the failure kind. An empty input yields an empty list. */
export function parseCertificateList(bytes: Uint8Array): ChainCertificate[] | CertificateListFailure {
  const text = new TextDecoder('latin1').decode(bytes).trim();
  const blocks = decodePemBlocks(text);
  const lastEnd = text.lastIndexOf('-----END ');
  const afterLast = lastEnd < 0 ? text : text.slice(text.indexOf('-----', lastEnd + 9) + 5);
  const out: ChainCertificate[] = [];
  for (const block of blocks) {
    try {
      out.push(toChainCertificate(block.der));
    } catch {
      return 'parse';
    }
  }
  if (afterLast.trim() !== '' || (blocks.length === 0 && text !== '')) {
    // Not PEM (or trailing junk): a single DER certificate is accepted, as cfssl's DER fallback does.
    if (blocks.length === 0) {
      try {
        return [toChainCertificate(bytes)];
      } catch {
        return 'decode';
      }
    }
    return 'decode';
  }
  return out;
}
