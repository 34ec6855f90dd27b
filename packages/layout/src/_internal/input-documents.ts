// The JSON inputs of a layout (ca-config.json, *-csr.json): kept, created or replaced, then read as cfssl reads them.
import { parseCsrRequest, type CertificateRequestSpec } from '@cfssl-ts/core';
import { LayoutError } from '../layout-error.js';
import { formatJsonDocument, jsonDifferences } from './json-document.js';
import type { Recorder } from './layout-recorder.js';

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Run a cfssl parser over a file of the layout; its failure names the file. */
export function parseInput<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new LayoutError('ERR_LAYOUT_INPUT_FILE', file, [messageOf(error)], error);
  }
}

/**
 * Keep, create or (with force) replace an input document; returns the text in force and whether
 * it differs from the request (a differing file is kept unless forced, and its outcome is `stale`).
 */
export function resolveDocument(
  file: string,
  requested: unknown,
  existing: ReadonlyMap<string, Uint8Array>,
  force: boolean,
  out: Recorder,
): { text: string; stale: boolean } {
  const wanted = formatJsonDocument(requested);
  const bytes = existing.get(file);
  if (bytes === undefined) {
    out.write(file, wanted, 'json');
    return { text: wanted, stale: false };
  }
  const current = new TextDecoder().decode(bytes);
  let differences: string[];
  try {
    differences = jsonDifferences(JSON.parse(current), requested);
  } catch (error) {
    differences = [`not valid JSON: ${messageOf(error)}`];
  }
  if (differences.length === 0) {
    out.record(file, 'kept');
    return { text: current, stale: false };
  }
  if (force) {
    out.write(file, wanted, 'json', differences);
    return { text: wanted, stale: false };
  }
  out.record(file, 'stale', differences);
  return { text: current, stale: true };
}

/** A CSR JSON as it is in force (the file), and as requested when the kept file differs. */
export interface RequestPair {
  file: string;
  effective: CertificateRequestSpec;
  /** The spec's request when the file in force differs from it, else null. */
  requested: CertificateRequestSpec | null;
}

export function readRequest(
  file: string,
  requested: Record<string, unknown>,
  existing: ReadonlyMap<string, Uint8Array>,
  force: boolean,
  out: Recorder,
): RequestPair {
  const doc = resolveDocument(file, requested, existing, force, out);
  return {
    file,
    effective: parseInput(file, () => parseCsrRequest(doc.text)),
    requested: doc.stale ? parseInput(file, () => parseCsrRequest(JSON.stringify(requested))) : null,
  };
}
