// cfssl cli.PrintCert: one JSON line of the present fields, keys sorted (Go map), then a newline.
import { marshalGoJson } from '@cfssl-ts/core/go';
import type { CliIo } from './cli-io.js';

/** The PEM texts a command produced. */
export interface CertOutput {
  cert?: string | undefined;
  csr?: string | undefined;
  key?: string | undefined;
}

export function printCert(io: CliIo, out: CertOutput): void {
  const map: Record<string, string> = {};
  if (out.cert !== undefined) map.cert = out.cert;
  if (out.key !== undefined) map.key = out.key;
  if (out.csr !== undefined) map.csr = out.csr;
  io.writeStdout(`${marshalGoJson(map)}\n`);
}
