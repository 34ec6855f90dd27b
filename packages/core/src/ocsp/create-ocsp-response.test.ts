import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { parseCaCertificatePem } from '../issue/signing-authority.js';
import { importPrivateKeyPem } from '../keys/import-private-key.js';
import { webCryptoBackend } from '../keys/crypto-backend.js';
import { createOcspResponse } from './create-ocsp-response.js';
import { parseOcspResponse } from './parse-ocsp-response.js';
import { CfsslError } from '../errors/cfssl-error.js';

const read = (name: string) => readFileSync(fixturePath('ocsp', name), 'utf8');
const cfsslResponse = (status: string) =>
  Uint8Array.from(Buffer.from((JSON.parse(read(`resp-${status}.json`)) as { ocspResponse: string }).ocspResponse, 'base64'));

const issuer = parseCaCertificatePem(read('ca.pem'));
const responder = parseCaCertificatePem(read('responder.pem'));
const leaf = parseCaCertificatePem(read('leaf.pem'));

describe('createOcspResponse against real cfssl 1.2 ocspsign (RSA responder: deterministic, compared byte for byte)', () => {
  for (const status of ['good', 'revoked', 'unknown'] as const) {
    it(`reproduces cfssl's ${status} response from the same inputs and clock`, async () => {
      const theirs = cfsslResponse(status);
      const parsed = parseOcspResponse(theirs);
      expect(parsed.status).toBe(status);
      expect(parsed.serialNumber).toBe(leaf.serialNumber);
      const ours = await createOcspResponse({
        issuer,
        responder,
        responderKey: await importPrivateKeyPem(read('responder-key.pem')),
        serialNumber: leaf.serialNumber,
        status,
        revocationReason: parsed.revocationReason,
        revokedAt: parsed.revokedAt ?? 0,
        thisUpdate: parsed.thisUpdate,
        nextUpdate: parsed.nextUpdate!,
        producedAt: parsed.producedAt,
      });
      expect(Buffer.from(ours).toString('hex')).toBe(Buffer.from(theirs).toString('hex'));
    });
  }

  it('reads the revoked response fields cfssl wrote (reason keyCompromise, revoked 2024-01-02, 96h validity, responder embedded)', () => {
    const r = parseOcspResponse(cfsslResponse('revoked'));
    expect(r.revocationReason).toBe(1);
    expect(new Date(r.revokedAt!).toISOString()).toBe('2024-01-02T00:00:00.000Z');
    expect(r.nextUpdate! - r.thisUpdate).toBe(96 * 3600_000);
    expect(r.thisUpdate % 3600_000).toBe(0);
    expect(r.certificates.map((c) => Buffer.from(c).toString('hex'))).toEqual([Buffer.from(responder.raw).toString('hex')]);
  });

  it('the response verifies with the responder key; the issuer as responder is not embedded; a reason 0 is omitted', async () => {
    const responderKey = await importPrivateKeyPem(read('responder-key.pem'));
    const der = await createOcspResponse({
      issuer: responder,
      responder,
      responderKey,
      serialNumber: 5n,
      status: 'revoked',
      revocationReason: 0,
      revokedAt: Date.UTC(2025, 0, 1),
      thisUpdate: Date.UTC(2025, 0, 2),
      nextUpdate: Date.UTC(2025, 0, 3),
      producedAt: Date.UTC(2025, 0, 2, 0, 5),
    });
    const r = parseOcspResponse(der);
    expect(r.certificates).toEqual([]);
    expect(r.revocationReason).toBe(0);
    expect(r.status).toBe('revoked');
    expect(await webCryptoBackend().verify(responder.subjectPublicKeyInfo, r.signatureAlgorithmOid, r.tbsResponseData, r.signature)).toBe(
      true,
    );
  });

  it("refuses a responder key that is not the responder certificate's (2300)", async () => {
    const wrong = await import('../keys/generate-key-pair.js').then((m) => m.generateKeyPair({ algo: 'ecdsa', size: 256 }));
    await expect(
      createOcspResponse({
        issuer,
        responder,
        responderKey: wrong,
        serialNumber: 1n,
        status: 'good',
        thisUpdate: 0,
        nextUpdate: 1,
        producedAt: 0,
      }),
    ).rejects.toMatchObject({ code: 'ERR_PRIVATE_KEY', cfsslCode: 2300 });
  });
});

describe('parseOcspResponse refusals (x/crypto/ocsp texts)', () => {
  it('an error response reports its status', () => {
    expect(() => parseOcspResponse(Uint8Array.of(0x30, 0x03, 0x0a, 0x01, 0x06))).toThrow(
      new CfsslError('ERR_OCSP', 0, 'ocsp: error from server: unauthorized'),
    );
  });
  it('garbage is a plain ERR_OCSP', () => {
    expect(() => parseOcspResponse(Uint8Array.of(1, 2, 3))).toThrow(CfsslError);
  });
});
