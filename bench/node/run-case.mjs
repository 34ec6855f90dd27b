#!/usr/bin/env node
// One benchmark case in a fresh process: node bench/node/run-case.mjs <case> <ms>  ->  {"case","ops","seconds"}
// Library cases use the built packages (pnpm build first). The leaf certificate is the one bench/go issues:
// P-256 leaf key, subject C/ST/L/CN, KU, EKU server+client, BC, SKI, AKI, SAN with 2 DNS + 1 IP.
import { createPrivateKey, sign } from 'node:crypto';
import * as core from '../../packages/core/dist/index.js';
import { nodeCryptoBackend } from '../../packages/core/dist/node/index.js';

const [name, msText] = process.argv.slice(2);
const ms = Number(msText ?? 2000);
const ISSUER = {
  p256: { algo: 'ecdsa', size: 256 },
  p384: { algo: 'ecdsa', size: 384 },
  rsa2048: { algo: 'rsa', size: 2048 },
  ed25519: { algo: 'ed25519', size: 0 },
};
const HOSTS = ['etcd-1.example', 'etcd-2.example', '10.0.0.1'];
const LEAF_JSON = JSON.stringify({
  CN: 'etcd',
  hosts: HOSTS,
  key: { algo: 'ecdsa', size: 256 },
  names: [{ C: 'CN', ST: 'BeiJing', L: 'BeiJing' }],
});

async function setup(issuerKind) {
  const ca = await core.initCa(
    core.parseCsrRequest(JSON.stringify({ CN: 'bench CA', names: [{ O: 'cfssl-ts' }], key: ISSUER[issuerKind] })),
  );
  const authority = { certificate: core.parseCaCertificatePem(ca.certificate.pem), key: ca.key };
  const leaf = await core.generateKeyAndCsr(core.parseCsrRequest(LEAF_JSON));
  const subject = core.parseCsr(core.decodeFirstPem(leaf.pem).der).subject.name;
  return { ca, authority, leaf, subject, policy: core.builtinSigningPolicy() };
}

async function loop(fn) {
  const start = performance.now();
  const end = start + ms;
  let ops = 0;
  while (performance.now() < end) {
    await fn();
    ops++;
  }
  return { ops, seconds: (performance.now() - start) / 1000 };
}

// A synchronous loop for microsecond-scale work (no await per operation).
function loopSync(fn) {
  const start = performance.now();
  const end = start + ms;
  let ops = 0;
  while (performance.now() < end) {
    for (let i = 0; i < 64; i++) fn();
    ops += 64;
  }
  return { ops, seconds: (performance.now() - start) / 1000 };
}

const [kind, variant] = name.split(':');
const [family, issuer] = kind.split('-');
// parse-cert-p256 / parse-csr-p256: parsing alone, the leaf bench/go issues and its CSR.
const parsed = /^parse-(cert|csr)-p256$/.exec(kind);
let result;
if (parsed) {
  const s = await setup('p256');
  if (parsed[1] === 'csr') {
    const der = core.decodeFirstPem(s.leaf.pem).der;
    result = loopSync(() => core.parseCsr(der));
  } else {
    const context = core.resolveIssuanceContext({ backend: nodeCryptoBackend() });
    const cert = await core.issueFromPublicKey(
      { publicKey: s.leaf.key.spki, subject: s.subject, hosts: HOSTS, profile: '' },
      s.policy,
      s.authority,
      context,
    );
    result = loopSync(() => core.parseCertificate(cert.der));
  }
} else if (family === 'leaf' || family === 'csr' || family === 'raw') {
  const s = await setup(issuer);
  const backend = variant === 'webcrypto' ? core.webCryptoBackend() : nodeCryptoBackend();
  // Resolved once, as a server would: the loop pays for issuance only.
  const context = core.resolveIssuanceContext({ backend });
  if (family === 'leaf') {
    result = await loop(() =>
      core.issueFromPublicKey(
        { publicKey: s.leaf.key.spki, subject: s.subject, hosts: HOSTS, profile: '' },
        s.policy,
        s.authority,
        context,
      ),
    );
  } else if (family === 'csr') {
    result = await loop(() =>
      core.signCertificateRequest({ request: s.leaf.pem, hosts: null, profile: '' }, s.policy, s.authority, context),
    );
  } else {
    // The ceiling: node:crypto signing a TBSCertificate of the same size, nothing else.
    const cert = await core.issueFromPublicKey(
      { publicKey: s.leaf.key.spki, subject: s.subject, hosts: HOSTS, profile: '' },
      s.policy,
      s.authority,
      context,
    );
    const tbs = Buffer.from(cert.der.subarray(4, cert.der.length - 80));
    const key = createPrivateKey({ key: core.exportPkcs8Pem(s.ca.key), format: 'pem' });
    const hash = issuer === 'ed25519' ? null : issuer === 'p384' ? 'sha384' : 'sha256';
    result = await loop(() => sign(hash, tbs, key));
  }
} else if (family === 'gencsr') {
  const req = core.parseCsrRequest(LEAF_JSON);
  const key = await core.generateKeyPair(ISSUER[issuer]);
  const options = { backend: nodeCryptoBackend() };
  result = await loop(() => core.createCsrForKey(req, key, options));
} else if (family === 'parse') {
  const config = JSON.stringify({
    signing: {
      default: { expiry: '87600h' },
      profiles: { www: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] } },
    },
  });
  result = await loop(() => {
    core.parseConfig(config);
    core.parseCsrRequest(LEAF_JSON);
  });
} else if (family === 'memory') {
  // Issue N leaves in one process; report heap after the first and the last tenth, and peak RSS.
  const s = await setup('p256');
  const context = core.resolveIssuanceContext({ backend: nodeCryptoBackend() });
  const total = Number(issuer);
  const samples = [];
  let peakRss = 0;
  const start = performance.now();
  for (let i = 1; i <= total; i++) {
    await core.issueFromPublicKey(
      { publicKey: s.leaf.key.spki, subject: s.subject, hosts: HOSTS, profile: '' },
      s.policy,
      s.authority,
      context,
    );
    if (i % (total / 10) === 0) {
      globalThis.gc?.();
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      samples.push({ issued: i, heapUsed: m.heapUsed, rss: m.rss });
    }
  }
  result = { ops: total, seconds: (performance.now() - start) / 1000, samples, peakRss };
} else {
  throw new Error(`unknown case ${name}`);
}
console.log(JSON.stringify({ case: name, ...result }));
