// Type-checked by types-without-dom.test.ts against the built packages with lib ES2022 only (no DOM).
import { webcrypto } from 'node:crypto';
import {
  builtinSigningPolicy,
  generateKeyAndCsr,
  initCa,
  loadSigningAuthority,
  parseCsrRequest,
  signCertificateRequest,
  webCryptoBackend,
  type WebCrypto,
} from '@cfssl-ts/core';
import { buildBundle } from '@cfssl-ts/core/bundle';
import { parseGoDuration } from '@cfssl-ts/core/go';
import { nodeCryptoBackend } from '@cfssl-ts/core/node';
import { buildLayout } from '@cfssl-ts/layout';

const provider: WebCrypto = webcrypto;

export async function issue(): Promise<string> {
  const backend = webCryptoBackend(provider);
  const ca = await initCa(parseCsrRequest('{"CN":"consumer CA","key":{"algo":"ecdsa","size":256}}'), { backend });
  const authority = await loadSigningAuthority(ca.certificate.pem, ca.keyPem ?? '', provider);
  const leaf = await generateKeyAndCsr(parseCsrRequest('{"CN":"leaf","hosts":["127.0.0.1"]}'), { backend: nodeCryptoBackend() });
  const cert = await signCertificateRequest({ request: leaf.pem, hosts: null, profile: '' }, builtinSigningPolicy(), authority, {
    backend,
  });
  return cert.pem;
}

export const used = [buildBundle, parseGoDuration, buildLayout];
