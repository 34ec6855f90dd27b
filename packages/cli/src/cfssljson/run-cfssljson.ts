// cfssljson (cfssl 1.6.5 cmd/cfssljson): split cfssl's JSON output into files.

import { resolve } from 'node:path';
import { CfsslError } from '@cfssl-ts/core';
import { formatGoPathError } from '@cfssl-ts/core/go';
import { LayoutWriteError, type PlannedFile } from '@cfssl-ts/layout';
import { applyPlan } from '@cfssl-ts/layout/node';
import type { GoFlagDefinition } from '../flags/go-flag-definition.js';
import { GoFlagError } from '../flags/go-flag-error.js';
import { parseGoFlags, type ParsedGoFlags } from '../flags/parse-go-flags.js';
import { renderGoFlagDefaults } from '../flags/render-go-flag-defaults.js';
import { INPUT_LIMITS } from '../io/input-limits.js';
import { readFileBounded } from '../io/read-bounded.js';
import { CFSSL_COMPAT_VERSION, CFSSL_TS_VERSION } from '../version-info.js';
import { CfssljsonExit } from './_internal/cfssljson-exit.js';
import { decodeCfssljsonInput } from './_internal/decode-cfssljson-input.js';
import { planCfssljsonOutputs, type CfssljsonOutput } from './_internal/plan-cfssljson-outputs.js';

/** The process boundary of {@link runCfssljson}; tests pass in-memory fakes. */
export interface CfssljsonIo {
  /** Read all of standard input (used for `-f -`, the default). */
  stdin: () => Promise<Uint8Array>;
  stdout: (s: string | Uint8Array) => void;
  stderr: (s: string) => void;
  /** Directory that relative input and output paths resolve against. */
  cwd: string;
}

const PROGRAM_NAME = 'cfssljson-ts';

const NOTHING_TO_WRITE =
  'Nothing to write: the input has none of cert, key, encrypted_key, csr, result.bundle, ocspResponse (is it the output of cfssl?)';

// cfssljson's flags (cfssl 1.6.5), plus the cfssl-ts extension `force`
const CFSSLJSON_FLAGS: readonly GoFlagDefinition[] = [
  { name: 'bare', kind: 'bool', default: false, usage: 'the response from CFSSL is not wrapped in the API standard response' },
  { name: 'f', kind: 'string', default: '-', usage: 'JSON input' },
  { name: 'stdout', kind: 'bool', default: false, usage: 'output the response instead of saving to a file' },
  { name: 'version', kind: 'bool', default: false, usage: 'print version and exit' },
  {
    name: 'force',
    kind: 'bool',
    default: false,
    usage: 'overwrite existing private key files (-key.pem, -key.enc); cfssl-ts extension',
  },
];

// Go's flag.Usage for the command line: "Usage of <argv0>:" then PrintDefaults.
function usage(): string {
  return `Usage of ${PROGRAM_NAME}:\n${renderGoFlagDefaults(CFSSLJSON_FLAGS)}`;
}

function errnoOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

// cfssljson readFile: "-" is standard input.
async function readInput(fileSpec: string, io: CfssljsonIo): Promise<Uint8Array> {
  try {
    if (fileSpec === '-') return await io.stdin();
    return await readFileBounded(resolve(io.cwd, fileSpec), fileSpec, INPUT_LIMITS.file);
  } catch (error) {
    const detail =
      fileSpec !== '-' && !(error instanceof CfsslError) && errnoOf(error) !== ''
        ? formatGoPathError(errnoOf(error) === 'EISDIR' ? 'read' : 'open', fileSpec, error)
        : error instanceof Error
          ? error.message
          : String(error);
    throw new CfssljsonExit(`Failed to read input: ${detail}\n`, 1);
  }
}

// The layout writer: all files or none, keys 0600 and never replaced without -force.
function plannedFile(output: CfssljsonOutput): PlannedFile {
  const kind = output.privateKey
    ? 'private-key'
    : output.fileName.endsWith('.csr')
      ? 'csr'
      : output.fileName.endsWith('.pem')
        ? 'certificate'
        : 'other';
  return { path: output.fileName, contents: output.contents, mode: output.mode, kind };
}

async function writeOutputs(outputs: readonly CfssljsonOutput[], io: CfssljsonIo, force: boolean): Promise<void> {
  const byPath = new Map(outputs.map((output) => [resolve(io.cwd, output.fileName), output]));
  try {
    await applyPlan([...byPath.values()].map(plannedFile), { dir: io.cwd, force });
  } catch (error) {
    if (!(error instanceof LayoutWriteError)) throw error;
    const name = byPath.get(error.path)?.fileName ?? error.path;
    if (error.code === 'ERR_LAYOUT_EXISTS') {
      throw new CfssljsonExit(
        `Refusing to overwrite existing private key file ${name}: nothing was written (pass -force to replace it)\n`,
        1,
      );
    }
    // Go os.WriteFile reports "open <file>: <errno text>" (or "write ...")
    const op = error.step === 'lstat' ? 'open' : error.step;
    throw new CfssljsonExit(`${formatGoPathError(op, name, error.cause ?? error)}\n`, 1);
  }
}

async function run(flags: ParsedGoFlags, io: CfssljsonIo): Promise<number> {
  if (flags.values.get('version') === true) {
    io.stdout(
      `Version: ${CFSSL_TS_VERSION} (cfssl-ts, compatible with cfssl ${CFSSL_COMPAT_VERSION})\nRuntime: node${process.versions.node}\n`,
    );
    return 0;
  }
  const baseName = flags.positionals[0] ?? 'cert';
  const bytes = await readInput(String(flags.values.get('f')), io);
  // Go decodes bytes; keep a BOM so it is rejected as Go rejects it
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const input = decodeCfssljsonInput(text, flags.values.get('bare') === true);
  const outputs = planCfssljsonOutputs(input, baseName);
  // cfssljson writes nothing and exits 0 here; a script must learn that no file was written (docs/compat.md).
  if (outputs.length === 0) throw new CfssljsonExit(`${NOTHING_TO_WRITE}\n`, 1);

  if (flags.values.get('stdout') === true) {
    for (const output of outputs) io.stdout(`${output.stdoutText}\n`);
    return 0;
  }
  await writeOutputs(outputs, io, flags.values.get('force') === true);
  return 0;
}

/**
 * Run cfssljson with `argv` (the arguments after the program name) and return its exit status:
 * `cfssljson [-bare] [-f FILE] [-stdout] [-version] [-force] [BASENAME]`.
 *
 * Reads cfssl's JSON (an API envelope, or with `-bare` the flat object `cfssl gencert` prints) and
 * writes `<base>.pem`, `<base>-key.pem`, `<base>-key.enc`, `<base>.csr`, `<base>-bundle.pem`,
 * `<base>-root.pem`, `<base>-response.der` for the fields present, all or none (atomic writes; key
 * files 0600, others 0644). Unlike cfssl, an existing private key file is never replaced unless
 * `-force` (a cfssl-ts extension) is given. Messages and exit statuses follow cfssl 1.6.5: flag errors
 * exit 2, input and write errors exit 1, a non-string field exits 2 like Go's panic.
 *
 * @example
 * const status = await runCfssljson(['-bare', 'ca'], { stdin, stdout, stderr, cwd: process.cwd() });
 */
export async function runCfssljson(argv: readonly string[], io: CfssljsonIo): Promise<number> {
  let flags: ParsedGoFlags;
  try {
    flags = parseGoFlags(CFSSLJSON_FLAGS, argv);
  } catch (error) {
    if (!(error instanceof GoFlagError)) throw error;
    if (error.code === 'ERR_FLAG_HELP') {
      io.stderr(usage());
      return 0;
    }
    io.stderr(`${error.message}\n${usage()}`);
    return 2;
  }
  try {
    return await run(flags, io);
  } catch (error) {
    if (!(error instanceof CfssljsonExit)) throw error;
    io.stderr(error.stderr);
    return error.exitCode;
  }
}
