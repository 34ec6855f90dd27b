// Versions printed by `version` (kept in one place; the package.json version is the source of truth at release).

/** This cfssl-ts release. */
export const CFSSL_TS_VERSION = '0.1.0';
/** The cfssl release whose behaviour cfssl-ts matches. */
export const CFSSL_COMPAT_VERSION = '1.6.5';
