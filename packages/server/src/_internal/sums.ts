// cfssl api/generator computeSum: MD5, SHA-1 and SHA-256 of the DER, uppercase hex.
import { createHash } from 'node:crypto';
import { goStruct } from '@cfssl-ts/core/go';

const sum = (alg: string, der: Uint8Array): string => createHash(alg).update(der).digest('hex').toUpperCase();

/** generator.Sum: `{"md5","sha-1","sha-256"}`. */
export function sumsOf(der: Uint8Array): object {
  return goStruct({ md5: sum('md5', der), 'sha-1': sum('sha1', der), 'sha-256': sum('sha256', der) });
}
