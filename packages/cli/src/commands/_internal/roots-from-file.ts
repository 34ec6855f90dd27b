// cfssl multiroot/config Parse + LoadRoot: read the roots file and load every root it names (files from the working directory).
import { CfsslError, encodePem, loadSigningAuthority, parseConfig } from '@cfssl-ts/core';
import { parseNetAcl, parseRootsFile, privateKeyPathOf, type MultirootRoot, type RootSection } from '@cfssl-ts/server';
import { readInputFile, text } from '../../io/read-input.js';
import type { CommandContext } from '../cfssl-command.js';
import { storeFromFlags } from './certdb-from-flags.js';

/** A loaded root and what to close when the server stops. */
export interface LoadedRoots {
  roots: Map<string, MultirootRoot>;
  close: () => Promise<void>;
}

// helpers.ParsePrivateKeyPEM, then derhelpers.ParsePrivateKeyDER: a key file may be DER.
function keyAsPem(bytes: Uint8Array): string[] {
  const asText = text(bytes);
  if (asText.includes('-----BEGIN')) return [asText];
  return ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY'].map((type) => encodePem(type, bytes));
}

async function loadAuthority(section: RootSection, ctx: CommandContext) {
  const keyBytes = await readInputFile(privateKeyPathOf(section.entries.get('private')!), ctx.io);
  const certPem = text(await readInputFile(section.entries.get('certificate')!, ctx.io));
  let last: unknown;
  for (const keyPem of keyAsPem(keyBytes)) {
    try {
      return await loadSigningAuthority(certPem, keyPem, ctx.crypto);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

async function loadRoot(section: RootSection, ctx: CommandContext, opened: { close(): Promise<void> }[]): Promise<MultirootRoot> {
  const authority = await loadAuthority(section, ctx);
  const policy = parseConfig(text(await readInputFile(section.entries.get('config')!, ctx.io))).policy;
  const nets = section.entries.get('nets') ?? '';
  const dbconfig = section.entries.get('dbconfig') ?? '';
  const root: MultirootRoot = { authority, policy, acl: nets === '' ? null : parseNetAcl(nets) };
  if (dbconfig !== '') {
    const store = await storeFromFlags(ctx, dbconfig);
    opened.push(store);
    root.store = store;
  }
  return root;
}

/** Load every root of the roots file `file`; an error names the file and the section. */
export async function rootsFromFile(file: string, ctx: CommandContext): Promise<LoadedRoots> {
  const sections = parseRootsFile(text(await readInputFile(file, ctx.io)), file);
  const opened: { close(): Promise<void> }[] = [];
  const close = async () => {
    await Promise.all(opened.map((s) => s.close()));
  };
  const roots = new Map<string, MultirootRoot>();
  for (const section of sections) {
    try {
      roots.set(section.label, await loadRoot(section, ctx, opened));
    } catch (e) {
      await close();
      const message = e instanceof Error ? e.message : String(e);
      throw new CfsslError('ERR_ROOTS_FILE', 0, `${file}:${String(section.line)}: [${section.label}]: ${message}`, { cause: e });
    }
  }
  return { roots, close };
}
