// Flags shared by etcd-cert, k8s-cert and layout (cfssl-ts extensions).
import { resolve } from 'node:path';
import { CfsslError, parseCsrRequest } from '@cfssl-ts/core';
import type { LayoutSpec } from '@cfssl-ts/layout';
import type { CommandContext } from '../cfssl-command.js';
import { readNamedFiles } from './read-layout-directory.js';

/**
 * `-hosts a,b,c` when given: split on commas, spaces around entries trimmed, empty entries dropped
 * (unlike cfssl's `-hostname`, which keeps them verbatim); null when the flag is absent. A list with no
 * host left (`-hosts ""` from an unset shell variable, `-hosts ",, ,"`) is refused: the server
 * certificate it would give has no SANs, and no TLS client can verify it.
 */
export function hostsFlag(ctx: CommandContext): string[] | null {
  if (!ctx.flags.set.has('hosts')) return null;
  const hosts = ctx
    .str('hosts')
    .split(',')
    .map((h) => h.trim())
    .filter((h) => h !== '');
  if (hosts.length === 0) {
    throw new CfsslError(
      'ERR_INPUT',
      0,
      `-hosts ${JSON.stringify(ctx.str('hosts'))} names no host: a server certificate needs at least one DNS name or IP address`,
    );
  }
  return hosts;
}

/** Refuse positional arguments: Go's flag parsing stops at the first one, so flags after it would be lost. */
export function noArguments(ctx: CommandContext, command: string): void {
  const [first] = ctx.args;
  if (first !== undefined) {
    throw new CfsslError('ERR_INPUT', 0, `${command} takes only flags, not ${JSON.stringify(first)} (flags after it would be ignored)`);
  }
}

/** `-dir`, or the command's default when absent. */
export function dirFlag(ctx: CommandContext, fallback: string): string {
  const dir = ctx.flags.set.has('dir') ? ctx.str('dir') : fallback;
  if (dir === '') throw new CfsslError('ERR_INPUT', 0, '-dir must name a directory');
  return dir;
}

/** The `hosts` of `<dir>/<csrFile>` as cfssl reads them, or null when the file is absent or unreadable. */
export async function existingHosts(ctx: CommandContext, dir: string, csrFile: string): Promise<string[] | null> {
  const files = await readNamedFiles(resolve(ctx.io.cwd, dir), [csrFile]);
  const bytes = files.get(csrFile);
  if (bytes === undefined) return null;
  try {
    return parseCsrRequest(new TextDecoder().decode(bytes)).hosts;
  } catch {
    return null; // buildLayout reports the file
  }
}

/** `spec` with the hosts of one certificate replaced. */
export function withHosts(spec: LayoutSpec, base: string, hosts: readonly string[]): LayoutSpec {
  return {
    ...spec,
    certificates: spec.certificates.map((c) => (c.base === base ? { ...c, csr: { ...c.csr, hosts: [...hosts] } } : c)),
  };
}
