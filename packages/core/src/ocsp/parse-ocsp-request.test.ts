import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { parseCaCertificatePem } from '../issue/signing-authority.js';
import { webCryptoBackend } from '../keys/crypto-backend.js';
import { encodeOcspCertId, ocspCertIdFor } from './ocsp-cert-id.js';
import { parseOcspRequest } from './parse-ocsp-request.js';
import { ocspCertStatus, revocationReasonCode } from './ocsp-status.js';
import { CfsslError } from '../errors/cfssl-error.js';

const read = (name: string) => readFileSync(fixturePath('ocsp', name));
const issuer = parseCaCertificatePem(read('ca.pem').toString('utf8'));
const leaf = parseCaCertificatePem(read('leaf.pem').toString('utf8'));

describe('parseOcspRequest (requests made by openssl ocsp)', () => {
  for (const name of ['request-leaf.der', 'request-leaf-nonce.der']) {
    it(`${name}: the CertID is the one cfssl computes for leaf.pem under ca.pem (a nonce is ignored)`, async () => {
      const id = parseOcspRequest(new Uint8Array(read(name)));
      const expected = await ocspCertIdFor(issuer, leaf.serialNumber, webCryptoBackend());
      expect(Buffer.from(encodeOcspCertId(id)).toString('hex')).toBe(Buffer.from(encodeOcspCertId(expected)).toString('hex'));
    });
  }
  it('refuses trailing data, an empty list and an unknown hash with Go-like texts', () => {
    const req = new Uint8Array(read('request-leaf.der'));
    expect(() => parseOcspRequest(Uint8Array.of(...req, 0))).toThrow(/trailing data/);
    // OCSPRequest { TBSRequest { requestList {} } }
    expect(() => parseOcspRequest(Uint8Array.of(0x30, 0x04, 0x30, 0x02, 0x30, 0x00))).toThrow('OCSP request contains no request body');
    const md5 = Buffer.from(req);
    const sha1Oid = Buffer.from('2b0e03021a', 'hex');
    md5.set(Buffer.from('2b0e030200', 'hex'), md5.indexOf(sha1Oid));
    expect(() => parseOcspRequest(new Uint8Array(md5))).toThrow('OCSP request uses unknown hash function');
  });
});

describe('revocationReasonCode and ocspCertStatus (cfssl ocsp.ReasonStringToCode, StatusCode)', () => {
  it('names in any case, numbers 1..9, empty is 0', () => {
    expect(revocationReasonCode('')).toBe(0);
    expect(revocationReasonCode('KeyCompromise')).toBe(1);
    expect(revocationReasonCode('removeFromCRL')).toBe(8);
    expect(revocationReasonCode('aacompromise')).toBe(10);
    expect(revocationReasonCode('9')).toBe(9);
  });
  it('0 and 10 as numbers are 8200; a non-number is the Atoi text', () => {
    expect(() => revocationReasonCode('0')).toThrow('Invalid revocation status');
    expect(() => revocationReasonCode('10')).toThrow('Invalid revocation status');
    expect(() => revocationReasonCode('x')).toThrow('strconv.Atoi: parsing "x": invalid syntax');
    expect(() => revocationReasonCode('99999999999999999999')).toThrow('strconv.Atoi: parsing "99999999999999999999": value out of range');
  });
  it('status must be exactly good, revoked or unknown', () => {
    expect(ocspCertStatus('revoked')).toBe('revoked');
    expect(() => ocspCertStatus('Good')).toThrow(new CfsslError('ERR_OCSP', 8200));
  });
});
