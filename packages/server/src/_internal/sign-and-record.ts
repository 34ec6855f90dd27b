// local.Signer.Sign as serve runs it: sign, then record in the store when there is one (no record, no certificate).
import { CfsslError, parseCertificate, signCertificateRequest, type SignRequest, type SignedCertificate } from '@cfssl-ts/core';
import type { ServerState } from './endpoint.js';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/**
 * Sign `req`; with a store, insert its row first (cfssl local.Signer.Sign: a failed insert returns the error).
 * `metadata` is the request's metadata as JSON text (`null` when absent), stored as cfssl 1.6 does.
 */
export async function signAndRecord(req: SignRequest, label: string, state: ServerState, metadata = 'null'): Promise<SignedCertificate> {
  if (state.authority === null) throw new CfsslError('ERR_PRIVATE_KEY', 2500);
  const cert = await signCertificateRequest(req, state.policy, state.authority, state.issuance);
  state.log('INFO', `signed certificate with serial number ${cert.serialNumber}`);
  if (state.store !== null) {
    const parsed = parseCertificate(cert.der);
    try {
      await state.store.insert({
        serial: cert.serialNumber.toString(),
        authorityKeyId: hex(parsed.authorityKeyId),
        caLabel: label,
        status: 'good',
        reason: 0,
        expiry: cert.notAfter,
        revokedAt: null,
        pem: cert.pem,
        issuedAt: state.issuance.now(),
        notBefore: cert.notBefore,
        metadata,
        sans: JSON.stringify(parsed.sans.dnsNames),
        commonName: parsed.subject.name.commonName,
      });
    } catch (e) {
      if (e instanceof CfsslError) throw e;
      throw new CfsslError('ERR_CERT_STORE', 11000, e instanceof Error ? e.message : String(e), { cause: e });
    }
  }
  return cert;
}
