// local.Signer.Sign as serve runs it: sign, then record in the store when there is one (no record, no certificate).
import { CfsslError, signCertificateRequest, type SignRequest, type SignedCertificate } from '@cfssl-ts/core';
import { certificateRecordFor } from '../certificate-record-for.js';
import type { ServerState } from './endpoint.js';

/** Signatures tried when the store reports a duplicate (serial, AKI) before the request fails with 11000. */
export const MAX_SIGN_ATTEMPTS = 3;

const asStoreError = (e: unknown): CfsslError =>
  e instanceof CfsslError ? e : new CfsslError('ERR_CERT_STORE', 11000, e instanceof Error ? e.message : String(e), { cause: e });

/**
 * Sign `req`; with a store, insert its row before returning it (cfssl local.Signer.Sign: a failed insert returns the
 * error). A duplicate (serial, AKI) — another signer drew the same random serial — is signed again with a fresh serial,
 * up to {@link MAX_SIGN_ATTEMPTS} times; a serial the request gives (ClientProvidesSerialNumbers) is not redrawn, so
 * its clash is returned as cfssl returns it. `metadata` is the request's metadata as JSON text (`null` when absent;
 * multirootca passes it), stored as cfssl 1.6 does.
 */
export async function signAndRecord(req: SignRequest, label: string, state: ServerState, metadata = 'null'): Promise<SignedCertificate> {
  if (state.authority === null) throw new CfsslError('ERR_PRIVATE_KEY', 2500);
  const store = state.store;
  // ClientProvidesSerialNumbers: the serial is the request's, and signing again would clash again.
  const profile = state.policy.profiles.get(req.profile ?? '') ?? state.policy.defaultProfile;
  const serialIsFixed = profile.clientProvidesSerialNumbers;
  for (let attempt = 1; ; attempt++) {
    const cert = await signCertificateRequest(req, state.policy, state.authority, state.issuance);
    state.log('INFO', `signed certificate with serial number ${cert.serialNumber}`);
    if (store === null) return cert;
    try {
      await store.insert({ ...certificateRecordFor(cert, label, state.issuance.now()), metadata });
      return cert;
    } catch (e) {
      const err = asStoreError(e);
      const duplicate = store.isDuplicateKey?.(e) === true;
      if (!duplicate || serialIsFixed) throw err;
      if (attempt >= MAX_SIGN_ATTEMPTS) {
        throw new CfsslError(
          'ERR_CERT_STORE',
          11000,
          `certificate not recorded: serial number already in the database after ${MAX_SIGN_ATTEMPTS} attempts`,
          { cause: e },
        );
      }
      state.log('WARNING', `serial number ${cert.serialNumber} is already in the database; signing again with a new serial`);
    }
  }
}
