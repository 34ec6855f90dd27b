import { describe, expect, it } from 'vitest';
import { EXT_KEY_USAGE_OIDS, KEY_USAGE_BITS, resolveUsages } from './usages.js';

describe('usage tables (reference §3.4)', () => {
  it('maps key usage names to RFC 5280 bits', () => {
    expect(Object.fromEntries(KEY_USAGE_BITS)).toEqual({
      signing: 1,
      'digital signature': 1,
      'content commitment': 2,
      'content committment': 2,
      'key encipherment': 4,
      'data encipherment': 8,
      'key agreement': 16,
      'cert sign': 32,
      'crl sign': 64,
      'encipher only': 128,
      'decipher only': 256,
    });
  });

  it('maps extended key usage names to OIDs', () => {
    expect(EXT_KEY_USAGE_OIDS.get('s/mime')).toBe('1.3.6.1.5.5.7.3.4');
    expect(EXT_KEY_USAGE_OIDS.get('microsoft sgc')).toBe('1.3.6.1.4.1.311.10.3.3');
    expect(EXT_KEY_USAGE_OIDS.get('netscape sgc')).toBe('2.16.840.1.113730.4.1');
    expect(EXT_KEY_USAGE_OIDS.size).toBe(13);
  });
});

describe('resolveUsages', () => {
  it('keeps EKUs in order with duplicates (golden sign-eku-all-names-dups)', () => {
    const r = resolveUsages([
      'any',
      'server auth',
      'client auth',
      'code signing',
      'email protection',
      's/mime',
      'ipsec end system',
      'ipsec tunnel',
      'ipsec user',
      'timestamping',
      'ocsp signing',
      'microsoft sgc',
      'netscape sgc',
      'any',
      'timestamping',
      'key encipherment',
    ]);
    expect(r.keyUsageBits).toBe(4);
    expect(r.extKeyUsages).toEqual([
      '2.5.29.37.0',
      '1.3.6.1.5.5.7.3.1',
      '1.3.6.1.5.5.7.3.2',
      '1.3.6.1.5.5.7.3.3',
      '1.3.6.1.5.5.7.3.4',
      '1.3.6.1.5.5.7.3.4',
      '1.3.6.1.5.5.7.3.5',
      '1.3.6.1.5.5.7.3.6',
      '1.3.6.1.5.5.7.3.7',
      '1.3.6.1.5.5.7.3.8',
      '1.3.6.1.5.5.7.3.9',
      '1.3.6.1.4.1.311.10.3.3',
      '2.16.840.1.113730.4.1',
      '2.5.29.37.0',
      '1.3.6.1.5.5.7.3.8',
    ]);
    expect(r.unknown).toEqual([]);
  });

  it('ORs key usages (golden sign-ku-all-names) and collects unknown names case-sensitively', () => {
    const r = resolveUsages([
      'decipher only',
      'encipher only',
      'crl sign',
      'cert sign',
      'key agreement',
      'data encipherment',
      'key encipherment',
      'content commitment',
      'digital signature',
      'signing',
      'signing',
      'Signing',
      'server  auth',
      'constructor',
    ]);
    expect(r.keyUsageBits).toBe(0x1ff);
    expect(r.extKeyUsages).toEqual([]);
    expect(r.unknown).toEqual(['Signing', 'server  auth', 'constructor']);
  });
});
