// cfssl ubiquity + bundler chain selection (optimalChains / ubiquitousChains) without platform
// metadata (cfssl-ts has none: every platform-based ranking ties).
import type { ChainCertificate } from './chain-certificate.js';

type Chain = readonly ChainCertificate[];
type Ranking = (a: Chain, b: Chain) => number;

const SHA1 = new Set(['1.2.840.113549.1.1.5', '1.2.840.10045.4.1', '1.2.840.10040.4.3']);
const SHA2 = new Set([
  '1.2.840.113549.1.1.11',
  '1.2.840.113549.1.1.12',
  '1.2.840.113549.1.1.13',
  '1.2.840.10045.4.3.2',
  '1.2.840.10045.4.3.3',
  '1.2.840.10045.4.3.4',
  '2.16.840.1.101.3.4.3.2',
]);

/** ubiquity.hashUbiquity: SHA-1 100, SHA-2 70, anything else (MD5, Ed25519, ...) 0. */
export function hashUbiquity(c: ChainCertificate): number {
  const oid = c.cert.signatureAlgorithmOid;
  return SHA1.has(oid) ? 100 : SHA2.has(oid) ? 70 : 0;
}

/** ubiquity.keyAlgoUbiquity: RSA ≥1024 bits 100, P-256/P-384 70, P-521 30, else 0. */
export function keyAlgoUbiquity(c: ChainCertificate): number {
  const k = c.publicKey;
  if (!k) return 0;
  if (k.algorithm === 'rsa') return k.bits >= 1024 ? 100 : 0;
  if (k.algorithm === 'ecdsa') return k.curve === 'P-521' ? 30 : 70;
  return 0;
}

const minOf = (chain: Chain, f: (c: ChainCertificate) => number): number => Math.min(2 ** 31 - 1, ...chain.map(f));

export const chainHashUbiquity = (chain: Chain): number => minOf(chain, hashUbiquity);
export const chainKeyAlgoUbiquity = (chain: Chain): number => minOf(chain, keyAlgoUbiquity);

function hashPriority(c: ChainCertificate): number {
  const oid = c.cert.signatureAlgorithmOid;
  return SHA1.has(oid) ? 10 : SHA2.has(oid) ? 100 : 0;
}

function keyAlgoPriority(c: ChainCertificate): number {
  const k = c.publicKey;
  if (!k) return 0;
  if (k.algorithm === 'ecdsa') return k.curve === 'P-384' ? 120 : k.curve === 'P-521' ? 140 : 100;
  if (k.algorithm === 'rsa') return k.bits === 4096 ? 70 : k.bits === 3072 ? 50 : k.bits === 2048 ? 30 : 0;
  return 0;
}

// ubiquity.HashPriority / KeyAlgoPriority: a running average, truncated to int.
function averagePriority(chain: Chain, f: (c: ChainCertificate) => number): number {
  let ret = 0;
  chain.forEach((c, i) => {
    const f1 = 1 / (i + 1);
    ret = ret * (1 - f1) + f(c) * f1;
  });
  return Math.trunc(ret);
}

const expiryTime = (chain: Chain): number => Math.min(...chain.map((c) => c.cert.notAfter));
const compare = (a: number, b: number): number => (a > b ? 1 : a < b ? -1 : 0);

// helpers.MonthsValid / ValidExpiry (CA/B Forum maximum validity by issue date).
function monthsValid(c: ChainCertificate): number {
  const issued = new Date(c.cert.notBefore);
  const expiry = new Date(c.cert.notAfter);
  let months = (expiry.getUTCFullYear() - issued.getUTCFullYear()) * 12 + expiry.getUTCMonth() - issued.getUTCMonth();
  if (expiry.getUTCDate() > issued.getUTCDate()) months++;
  return months;
}

function validExpiry(c: ChainCertificate): boolean {
  const issued = c.cert.notBefore;
  const apr2015 = Date.UTC(2015, 3, 1) - 1e-6;
  const jul2012 = Date.UTC(2012, 6, 1) - 1e-6;
  const max = issued > apr2015 ? 39 : issued > jul2012 ? 60 : 120;
  return monthsValid(c) <= max;
}

const compareChainLength: Ranking = (a, b) => b.length - a.length;
const compareChainExpiry: Ranking = (a, b) => compare(expiryTime(a), expiryTime(b));
const compareCryptoSuite: Ranking = (a, b) =>
  averagePriority(a, hashPriority) +
  averagePriority(a, keyAlgoPriority) -
  (averagePriority(b, hashPriority) + averagePriority(b, keyAlgoPriority));
const sha2Homogeneity = (chain: Chain): number => (chain.slice(0, -1).every((c) => hashUbiquity(c) === 70) ? 1 : 0);
const compareSha2Homogeneity: Ranking = (a, b) => sha2Homogeneity(a) - sha2Homogeneity(b);
const compareHashUbiquity: Ranking = (a, b) => chainHashUbiquity(a) - chainHashUbiquity(b);
const compareKeyAlgoUbiquity: Ranking = (a, b) => chainKeyAlgoUbiquity(a) - chainKeyAlgoUbiquity(b);
const compareExpiryUbiquity: Ranking = (a, b) => {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const c1 = a[a.length - 1 - i]!;
    const c2 = b[b.length - 1 - i]!;
    const v1 = validExpiry(c1);
    const v2 = validExpiry(c2);
    if (v1 && !v2) return 1;
    if (!v1 && v2) return -1;
    const r = compare(c1.cert.notAfter, c2.cert.notAfter);
    if (r !== 0) return r;
  }
  return 0;
};

// ubiquity.Filter: keep the chains ranking best (ties kept, in order).
function filter(chains: Chain[], f: Ranking): Chain[] {
  if (chains.length <= 1) return chains;
  let best = chains[0]!;
  let candidates: Chain[] = [];
  for (const chain of chains) {
    const r = f(best, chain);
    if (r < 0) {
      best = chain;
      candidates = [chain];
    } else if (r === 0) {
      candidates.push(chain);
    }
  }
  return candidates;
}

/** bundler.optimalChains: shortest, then longest-lived, then strongest crypto. */
export function optimalChains(chains: Chain[]): Chain[] {
  return [compareChainLength, compareChainExpiry, compareCryptoSuite].reduce(filter, chains);
}

/** bundler.ubiquitousChains (platform ubiquity ties without metadata), then optimalChains. */
export function ubiquitousChains(chains: Chain[]): Chain[] {
  const ranked = [compareSha2Homogeneity, compareChainLength, compareHashUbiquity, compareKeyAlgoUbiquity, compareExpiryUbiquity].reduce(
    filter,
    chains,
  );
  return optimalChains(ranked);
}
