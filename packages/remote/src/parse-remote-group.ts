// cfssl api/client NewServerTLS / NewGroup: a comma-separated address is an ordered fail-over list.
import { CfsslError } from '@cfssl-ts/core';
import { normalizeRemoteUrl } from './normalize-remote-url.js';

/**
 * The base URLs of a remote address, in fail-over order. Any entry that is not a URL fails the whole
 * group with cfssl's `{"code":5300,"message":"failed to connect to remote"}` (the cause says why).
 *
 * @example
 * parseRemoteGroup('10.0.0.1:8888,https://ca2.example') // ['http://10.0.0.1:8888', 'https://ca2.example:8888']
 */
export function parseRemoteGroup(address: string): string[] {
  try {
    return address.split(',').map(normalizeRemoteUrl);
  } catch (e) {
    // signer/remote remoteOp: a nil server → PolicyError/InvalidRequest "failed to connect to remote".
    throw new CfsslError('ERR_POLICY', 5300, 'failed to connect to remote', { cause: e });
  }
}
