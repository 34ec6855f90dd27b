// cfssl api/client server.Info (plain /info, also for auth_remote profiles): the remote CA and a profile's usages.
import { CfsslError } from '@cfssl-ts/core';
import { goStruct, marshalGoJson } from '@cfssl-ts/core/go';
import { parseRemoteGroup } from './parse-remote-group.js';
import { postToRemote } from './post-to-remote.js';
import type { RemoteTransport } from './remote-transport.js';

/** cfssl `info.Resp`. */
export interface RemoteInfo {
  certificate: string;
  usages: string[];
  expiry: string;
}

/** Options of {@link remoteInfo}. */
export interface RemoteInfoOptions {
  remote: string;
  transport: RemoteTransport;
  label?: string;
  profile?: string;
  onError?: (logText: string) => void;
}

function stringField(result: Record<string, unknown>, name: string): string {
  const v = result[name];
  if (v === undefined || v === null) return '';
  // cfssl type-asserts (and panics); cfssl-ts answers 7200.
  if (typeof v !== 'string') throw new CfsslError('ERR_API_CLIENT', 7200);
  return v;
}

async function infoOnce(base: string, body: string, opts: RemoteInfoOptions): Promise<RemoteInfo> {
  const { result } = await postToRemote(opts.transport, `${base}/api/v1/cfssl/info`, body, opts.onError);
  if (typeof result !== 'object' || result === null || Array.isArray(result)) {
    throw new CfsslError('ERR_API_CLIENT', 7400, 'response is formatted improperly');
  }
  const r = result as Record<string, unknown>;
  const usages = r.usages ?? [];
  if (!Array.isArray(usages) || !usages.every((u): u is string => typeof u === 'string')) throw new CfsslError('ERR_API_CLIENT', 7200);
  return { certificate: stringField(r, 'certificate'), usages, expiry: stringField(r, 'expiry') };
}

/**
 * Ask a remote cfssl server for its CA certificate and a profile's usages and expiry (`{"label","profile"}`
 * to `/api/v1/cfssl/info`), with fail-over over a comma-separated group.
 *
 * @example
 * const { certificate } = await remoteInfo({ remote: 'https://ca.example:8888', transport });
 */
export async function remoteInfo(opts: RemoteInfoOptions): Promise<RemoteInfo> {
  const bases = parseRemoteGroup(opts.remote);
  const body = marshalGoJson(goStruct({ label: opts.label ?? '', profile: opts.profile ?? '' }));
  let last: unknown;
  for (const base of bases) {
    try {
      return await infoOnce(base, body, opts);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}
