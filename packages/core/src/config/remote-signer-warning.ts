// cfssl Signing.warnSkippedSettings(): remote profiles carrying settings only a local signer uses.
import type { DecodedSigningProfile } from './config-go-types.js';

const SKIPPED_SETTINGS =
  'The configuration value by "usages", "issuer_urls", "ocsp_url", "crl_url", "ca_constraint", "expiry", "backdate", "not_before", "not_after", "cert_store" and "ct_log_servers" are skipped';

// cfssl SigningProfile.hasLocalConfig()
function hasLocalConfig(p: DecodedSigningProfile): boolean {
  return (
    p.Usage !== null ||
    p.IssuerURL !== null ||
    p.OCSP !== '' ||
    p.ExpiryString !== '' ||
    p.BackdateString !== '' ||
    p.CAConstraint.IsCA ||
    p.NotBefore !== null ||
    p.NotAfter !== null ||
    p.NameWhitelistString !== '' ||
    (p.CTLogServers ?? []).length !== 0
  );
}

/**
 * The warning cfssl logs for a remote (or auth_remote) profile that also has local-only settings, or
 * undefined. `profileName` undefined means the default profile.
 *
 * @example remoteSignerWarning(decoded, 'www') // 'Profiles[www] points to a remote signer: The configuration value by ...'
 */
export function remoteSignerWarning(p: DecodedSigningProfile, profileName?: string): string | undefined {
  if ((p.RemoteName === '' && p.AuthRemote.RemoteName === '') || !hasLocalConfig(p)) return undefined;
  return profileName === undefined
    ? `default profile points to a remote signer: ${SKIPPED_SETTINGS}`
    : `Profiles[${profileName}] points to a remote signer: ${SKIPPED_SETTINGS}`;
}
