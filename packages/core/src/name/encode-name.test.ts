import { describe, expect, it } from 'vitest';
import { encodeName } from './encode-name.js';
import { emptyName } from './distinguished-name.js';
import { parseName } from './parse-name.js';

describe('encodeName (Go pkix.Name.ToRDNSequence)', () => {
  it('orders RDNs C, ST, L, street, postalCode, O, OU, CN, serialNumber, then extras', () => {
    const name = emptyName();
    name.commonName = 'cn';
    name.serialNumber = 'sn';
    name.organizationalUnit = ['ou'];
    name.organization = ['o'];
    name.postalCode = ['pc'];
    name.streetAddress = ['st'];
    name.locality = ['l'];
    name.province = ['p'];
    name.country = ['C'];
    name.extraNames = [{ oid: '1.2.840.113549.1.9.1', value: 'a@b' }];
    const parsed = parseName(encodeName(name));
    expect(parsed.rdns.map((r) => r.map((a) => a.oid).join('+'))).toEqual([
      '2.5.4.6',
      '2.5.4.8',
      '2.5.4.7',
      '2.5.4.9',
      '2.5.4.17',
      '2.5.4.10',
      '2.5.4.11',
      '2.5.4.3',
      '2.5.4.5',
      '1.2.840.113549.1.9.1',
    ]);
  });

  it('merges values of one type into one DER-sorted multi-valued RDN (reference §5.3, verified on cfssl)', () => {
    const name = emptyName();
    name.organization = ['Zed', 'Alpha', 'Bb'];
    const parsed = parseName(encodeName(name));
    expect(parsed.rdns).toHaveLength(1);
    expect(parsed.rdns[0]!.map((a) => a.value)).toEqual(['Bb', 'Zed', 'Alpha']);
  });

  it('skips a standard field when an extra attribute has the same OID (Go appendRDNs)', () => {
    const name = emptyName();
    name.commonName = 'ignored';
    name.extraNames = [{ oid: '2.5.4.3', value: 'wins' }];
    const parsed = parseName(encodeName(name));
    expect(parsed.attributes).toEqual([{ oid: '2.5.4.3', value: 'wins' }]);
  });

  it('encodes an empty name as an empty SEQUENCE', () => {
    expect(Array.from(encodeName(emptyName()))).toEqual([0x30, 0x00]);
  });

  it('picks the string type per value: PrintableString 0x13, UTF8String 0x0c', () => {
    const name = emptyName();
    name.organization = ['R&D'];
    name.commonName = 'plain';
    const der = encodeName(name);
    const hex = Buffer.from(der).toString('hex');
    expect(hex).toContain('0c03' + Buffer.from('R&D').toString('hex'));
    expect(hex).toContain('1305' + Buffer.from('plain').toString('hex'));
  });
});
