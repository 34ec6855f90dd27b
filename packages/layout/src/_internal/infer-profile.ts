// The ca-config.json profile a leaf was signed with: the directory records no -profile, so it is read back from the certificate.
import { resolveUsages, type ParsedCertificate, type SigningPolicy, type SigningProfile } from '@cfssl-ts/core';
import { LayoutError } from '../layout-error.js';

// cfssl rounds notBefore to the minute and backdates it (signer.local: 5 minutes by default)
const LIFETIME_SLACK_MS = 15 * 60_000;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

function lifetimeFits(profile: SigningProfile, cert: ParsedCertificate): boolean {
  const expiryMs = Number(profile.expiry / 1_000_000n);
  return Math.abs(cert.notAfter - cert.notBefore - expiryMs) <= LIFETIME_SLACK_MS;
}

// One named profile among the fitting ones, else the default profile alone ('').
function pick(fitting: readonly string[]): string | null {
  const named = fitting.filter((n) => n !== '');
  if (named.length === 1) return named[0] as string;
  if (named.length === 0 && fitting.includes('')) return '';
  return null;
}

/**
 * The profile (`''` = signing.default) whose extended key usages equal the certificate's (a named one
 * before the default); when several
 * do, the one whose expiry equals the certificate's lifetime too. Throws {@link LayoutError} naming
 * both files when none or several fit.
 */
export function inferProfile(policy: SigningPolicy, cert: ParsedCertificate, certFile: string, configFile: string): string {
  // cfssl's built-in default (no signing.default) competes only when the config names no profile at all
  const withDefault = !policy.defaultIsBuiltin || policy.profiles.size === 0;
  const candidates: [string, SigningProfile][] = [
    ...policy.profiles,
    ...(withDefault ? [['', policy.defaultProfile] as [string, SigningProfile]] : []),
  ];
  const byUsage = candidates.filter(([, p]) => sameSet(resolveUsages(p.usages).extKeyUsages, cert.extKeyUsage));
  const byBoth = byUsage.filter(([, p]) => lifetimeFits(p, cert));
  const chosen = pick(byBoth.map(([n]) => n)) ?? pick(byUsage.map(([n]) => n));
  if (chosen !== null) return chosen;
  const names = (list: readonly [string, SigningProfile][]): string => list.map(([n]) => (n === '' ? 'signing.default' : n)).join(', ');
  throw new LayoutError('ERR_LAYOUT_INPUT_FILE', configFile, [
    byUsage.length === 0
      ? `no profile gives ${certFile}'s extended key usages, so it cannot be re-issued as it was signed`
      : `profiles ${names(byUsage)} all fit ${certFile}; cannot tell which one signed it`,
  ]);
}
