// cfssl-ts layout SPEC.json (extension): any CA + certificates directory described as data.
import { resolve } from 'node:path';
import { CfsslError } from '@cfssl-ts/core';
import { formatGoPathError } from '@cfssl-ts/core/go';
import { LayoutError, parseLayoutSpec } from '@cfssl-ts/layout';
import { CFSSL_FLAGS } from '../flags/cfssl-flags.js';
import { GoFlagError } from '../flags/go-flag-error.js';
import { INPUT_LIMITS } from '../io/input-limits.js';
import { readFileBounded } from '../io/read-bounded.js';
import { parseGoFlags } from '../flags/parse-go-flags.js';
import type { CfsslCommand, CommandContext } from './cfssl-command.js';
import { dirFlag } from './_layout/layout-flags.js';
import { runLayout } from './_layout/run-layout.js';

const USAGE = `cfssl-ts layout -- a CA and the certificates it signs, described in one spec file (cfssl-ts extension)

Usage of layout:
        cfssl-ts layout [-dir D] [-force] SPEC.json
        cfssl-ts layout SPEC.json [-dir D] [-force]

SPEC.json: {"config": <ca-config.json>, "ca": {"base": "ca", "csr": <CSR JSON>},
            "certificates": [{"base": "server", "profile": "www", "role": "peer", "csr": <CSR JSON>}, ...]}
Writes the config and each CSR JSON, then <base>.pem, <base>-key.pem, <base>.csr for the CA and
every certificate into D (default: the working directory). Existing keys and certificates are
kept; what is missing is created; what no longer matches is rewritten only with -force (keys
are never replaced). See docs/guide.md.

Flags:
`;

// Go's flag package stops at SPEC.json; flags written after it are read here too.
function trailingFlags(rest: readonly string[]): { dir: string | null; force: boolean } {
  try {
    const tail = parseGoFlags(CFSSL_FLAGS, rest);
    if (tail.positionals.length > 0) {
      throw new CfsslError('ERR_INPUT', 0, 'only one argument is accepted, please check with usage');
    }
    return { dir: tail.set.has('dir') ? String(tail.values.get('dir')) : null, force: tail.values.get('force') === true };
  } catch (error) {
    if (error instanceof GoFlagError) throw new CfsslError('ERR_INPUT', 0, error.message, { cause: error });
    throw error;
  }
}

async function layoutMain(ctx: CommandContext): Promise<void> {
  const [specFile, ...rest] = ctx.args;
  if (specFile === undefined) {
    throw new CfsslError('ERR_INPUT', 0, 'not enough arguments are supplied --- please refer to the usage');
  }
  const tail = trailingFlags(rest);
  let text: string;
  try {
    text = new TextDecoder().decode(await readFileBounded(resolve(ctx.io.cwd, specFile), specFile, INPUT_LIMITS.file));
  } catch (error) {
    if (error instanceof CfsslError) throw error;
    throw new CfsslError('ERR_INPUT', 0, formatGoPathError('open', specFile, error), { cause: error });
  }
  let spec;
  try {
    spec = parseLayoutSpec(text, specFile);
  } catch (error) {
    if (!(error instanceof LayoutError)) throw error;
    throw new CfsslError('ERR_INPUT', 0, `${specFile}:\n${error.problems.map((p) => `  ${p}`).join('\n')}`, { cause: error });
  }
  if (tail.dir === '') throw new CfsslError('ERR_INPUT', 0, '-dir must name a directory');
  await runLayout(ctx, spec, { dir: tail.dir ?? dirFlag(ctx, '.'), force: tail.force || ctx.bool('force') });
}

export const layoutCommand: CfsslCommand = {
  name: 'layout',
  usageText: USAGE,
  listedFlags: ['dir', 'force', 'now'],
  readsReplay: true,
  main: layoutMain,
};
