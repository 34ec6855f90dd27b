// Go pkix.Name.String() (RFC 2253-like, RDNs reversed), which cfssl's bundler prints in its log lines.
import type { ParsedName } from '../../name/parse-name.js';

const SHORT_NAMES: Readonly<Record<string, string>> = {
  '2.5.4.6': 'C',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.3': 'CN',
  '2.5.4.5': 'SERIALNUMBER',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'STREET',
  '2.5.4.17': 'POSTALCODE',
};

// RDNSequence.String escaping: , + " \ < > ; always, a space first or last, # first.
function escape(v: string): string {
  const chars = Array.from(v); // code points, as Go ranges over runes
  return chars
    .map((c, k) => (',+"\\<>;'.includes(c) || (c === ' ' && (k === 0 || k === chars.length - 1)) || (c === '#' && k === 0) ? `\\${c}` : c))
    .join('');
}

/** Go pkix.Name.String of a parsed name: other attributes first (as #hex), then Go's canonical order, reversed. */
export function goNameString(name: ParsedName): string {
  const hex = (s: string): string => Array.from(new TextEncoder().encode(s), (b) => b.toString(16).padStart(2, '0')).join('');
  const extras = name.attributes.filter((a) => !(a.oid in SHORT_NAMES)).map((a) => [`${a.oid}=#${hex(a.value ?? '')}`]);
  const n = name.name;
  const standard: Array<[string, string[]]> = [
    ['C', n.country],
    ['ST', n.province],
    ['L', n.locality],
    ['STREET', n.streetAddress],
    ['POSTALCODE', n.postalCode],
    ['O', n.organization],
    ['OU', n.organizationalUnit],
    ['CN', n.commonName === '' ? [] : [n.commonName]],
    ['SERIALNUMBER', n.serialNumber === '' ? [] : [n.serialNumber]],
  ];
  const rdns = [...extras, ...standard.filter(([, v]) => v.length > 0).map(([t, v]) => v.map((x) => `${t}=${escape(x)}`))];
  return rdns
    .reverse()
    .map((rdn) => rdn.join('+'))
    .join(',');
}
