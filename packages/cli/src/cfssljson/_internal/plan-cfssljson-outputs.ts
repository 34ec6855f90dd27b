// Which files cfssljson 1.6.5 produces from a decoded input, in its order (cmd/cfssljson main).

import { decodeGoBase64Std, encodeGoBase64Std } from '@cfssl-ts/core/go';
import { CfssljsonExit } from './cfssljson-exit.js';

/** One file cfssljson would write (or print with -stdout). */
export interface CfssljsonOutput {
  /** File name as cfssl builds it: base name + suffix, relative to the working directory. */
  fileName: string;
  /** File contents: text written as UTF-8, or raw bytes. */
  contents: string | Uint8Array;
  /** What -stdout prints for it (before the newline): the text, or base64 of binary contents. */
  stdoutText: string;
  /** Key files 0600, others 0644 (cfssl asks 0664 for the certificate; cfssl-ts uses 0644). */
  mode: number;
  /** A private key file, never replaced without -force. */
  privateKey: boolean;
}

const KEY_MODE = 0o600;
const FILE_MODE = 0o644;

// Go's dynamic type of a value decoded into interface{}.
function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

// Go `v.(string)` without the ok form: a non-string panics (exit status 2).
function assertString(value: unknown): string {
  if (typeof value === 'string') return value;
  const typeName = goTypeName(value);
  const what = typeName === 'nil' ? 'interface {} is nil, not string' : `interface {} is ${typeName}, not string`;
  throw new CfssljsonExit(`panic: interface conversion: ${what}\n`, 2);
}

// The first of `keys` present in the map, as a string ("" when none is present).
function firstString(input: ReadonlyMap<string, unknown>, ...keys: string[]): string {
  for (const key of keys) if (input.has(key)) return assertString(input.get(key));
  return '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/**
 * The outputs of cfssljson for `input` (the decoded map, `null` when there is none), in cfssl's order:
 * `<base>.pem` (cert / certificate), `<base>-key.pem` (key / private_key), `<base>-key.enc`
 * (encrypted_key), `<base>.csr` (csr / certificate_request), `<base>-bundle.pem` and `<base>-root.pem`
 * (result.bundle.{bundle,root}), `<base>-response.der` (ocspResponse, base64). Throws
 * {@link CfssljsonExit} where cfssljson stops: a non-string field panics (exit 2), a bad bundle or
 * OCSP response exits 1.
 */
export function planCfssljsonOutputs(input: ReadonlyMap<string, unknown> | null, baseName: string): CfssljsonOutput[] {
  const map: ReadonlyMap<string, unknown> = input ?? new Map();
  const outputs: CfssljsonOutput[] = [];
  const text = (suffix: string, contents: string, privateKey: boolean): void => {
    outputs.push({ fileName: baseName + suffix, contents, stdoutText: contents, mode: privateKey ? KEY_MODE : FILE_MODE, privateKey });
  };

  const cert = firstString(map, 'cert', 'certificate');
  if (cert !== '') text('.pem', cert, false);

  const key = firstString(map, 'key', 'private_key');
  if (key !== '') text('-key.pem', key, true);

  // written even when empty; "binary": -stdout prints it base64-encoded
  if (map.has('encrypted_key')) {
    const encrypted = assertString(map.get('encrypted_key'));
    const bytes = new TextEncoder().encode(encrypted);
    outputs.push({
      fileName: `${baseName}-key.enc`,
      contents: bytes,
      stdoutText: encodeGoBase64Std(bytes),
      mode: KEY_MODE,
      privateKey: true,
    });
  }

  const csr = firstString(map, 'csr', 'certificate_request');
  if (csr !== '') text('.csr', csr, false);

  const result = map.get('result');
  if (isObject(result)) {
    const bundle = ownValue(result, 'bundle');
    if (isObject(bundle)) {
      const chain = ownValue(bundle, 'bundle');
      if (typeof chain !== 'string') throw new CfssljsonExit('inner bundle parsing failed!\n', 1);
      const root = ownValue(bundle, 'root');
      if (typeof root !== 'string') throw new CfssljsonExit('root parsing failed!\n', 1);
      text('-bundle.pem', `${chain}\n${root}`, false);
      text('-root.pem', root, false);
    }
  }

  if (map.has('ocspResponse')) {
    const encoded = assertString(map.get('ocspResponse'));
    let bytes: Uint8Array;
    try {
      bytes = decodeGoBase64Std(encoded);
    } catch (error) {
      throw new CfssljsonExit(`Failed to parse ocspResponse: ${error instanceof Error ? error.message : String(error)}\n`, 1);
    }
    outputs.push({
      fileName: `${baseName}-response.der`,
      contents: bytes,
      stdoutText: encodeGoBase64Std(bytes),
      mode: FILE_MODE,
      privateKey: false,
    });
  }
  return outputs;
}
