#!/usr/bin/env node
// Renders bench/results.json into docs/benchmarks.md (between the results markers) and docs/benchmarks.svg,
// and bench/results-http.json between the http markers. Either file may be absent (its block is kept as it is):
// `node bench/http/run-http-sign.mjs && node bench/render-benchmarks.mjs` refreshes the HTTP block alone.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const docPath = join(root, 'docs/benchmarks.md');
const replaceBlock = (doc, name, rows) => {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  if (!doc.includes(start) || !doc.includes(end)) throw new Error(`docs/benchmarks.md has no ${start} ... ${end}`);
  return doc.slice(0, doc.indexOf(start) + start.length) + '\n' + rows.join('\n') + '\n' + doc.slice(doc.indexOf(end));
};
const mib = (b) => (b === null || b === undefined ? 'n/a' : `${(b / 2 ** 20).toFixed(1)} MiB`);

const httpPath = join(root, 'bench/results-http.json');
if (existsSync(httpPath)) {
  const h = JSON.parse(readFileSync(httpPath, 'utf8'));
  const ts = h.cases['http-sign-p256-under-rsa2048/cfssl-ts-serve'];
  const go = h.cases['http-sign-p256-under-rsa2048/cfssl-serve'];
  const rows = [];
  if (ts && go) {
    const rate = (x) => `${Math.round(x.median).toLocaleString('en-US')}/s`;
    rows.push('| over HTTP, one core per server | cfssl-ts serve | real cfssl serve (1.2) |', '|---|---|---|');
    rows.push(`| \`POST /api/v1/cfssl/sign\`, P-256 CSR, RSA-2048 CA, \`wrk -t2 -c16\`: requests/s (median) | ${rate(ts)} | ${rate(go)} |`);
    rows.push(`| runs (requests/s) | ${ts.runs.map((x) => x.toFixed(0)).join(', ')} | ${go.runs.map((x) => x.toFixed(0)).join(', ')} |`);
    rows.push(
      `| requests answered (non-2xx, socket errors) | ${ts.requests.toLocaleString('en-US')} (${ts.non2xx}, ${ts.socketErrors}) | ${go.requests.toLocaleString('en-US')} (${go.non2xx}, ${go.socketErrors}) |`,
    );
    rows.push(`| RSS after warm-up → after the runs | ${mib(ts.rssStart)} → ${mib(ts.rssEnd)} | ${mib(go.rssStart)} → ${mib(go.rssEnd)} |`);
    if (ts.heapSamples) {
      rows.push(
        `| \`heapUsed\` once a second over the whole run (${ts.heapSamples} samples, no forced GC): min / max / last | ${mib(ts.heapUsedMin)} / ${mib(ts.heapUsedMax)} / ${mib(ts.heapUsedLast)} | |`,
      );
    }
    rows.push(
      '',
      `Ratio cfssl-ts serve / cfssl serve (medians, same run): **${(ts.median / go.median).toFixed(2)}x**. ${h.settings.runs} runs of ${h.settings.seconds} s per server, alternating, after a 2 s warm-up each; ${h.settings.pinned}. Measured ${h.date} on Node ${h.node}.`,
    );
  }
  for (const n of h.notes) rows.push(`Note: ${n}.`);
  writeFileSync(docPath, replaceBlock(readFileSync(docPath, 'utf8'), 'http', rows));
  console.log('wrote the HTTP block of docs/benchmarks.md');
}

const resultsPath = join(root, 'bench/results.json');
if (!existsSync(resultsPath)) {
  console.log('no bench/results.json: library block and chart kept');
  process.exit(0);
}
const r = JSON.parse(readFileSync(resultsPath, 'utf8'));
const c = r.cases;
const fmt = (k) =>
  c[k] ? (c[k].unit === 'ms' ? `${c[k].median.toFixed(0)} ms` : `${Math.round(c[k].median).toLocaleString('en-US')}/s`) : 'n/a';

const rows = [];
rows.push(
  '| issuance, one core | cfssl-ts (node:crypto backend) | cfssl-ts (WebCrypto) | Go crypto/x509 | raw node:crypto sign (ceiling) |',
);
rows.push('|---|---|---|---|---|');
for (const i of ['p256', 'p384', 'rsa2048', 'ed25519']) {
  rows.push(
    `| leaf from a public key, ${i} issuer | ${fmt(`leaf-${i}/cfssl-ts`)} | ${fmt(`leaf-${i}/cfssl-ts-webcrypto`)} | ${fmt(`leaf-${i}/go-x509`)} | ${fmt(`leaf-${i}/node-sign-ceiling`)} |`,
  );
}
for (const i of ['p256', 'rsa2048'])
  rows.push(`| from a CSR (parse + verify + sign), ${i} issuer | ${fmt(`csr-${i}/cfssl-ts`)} | | ${fmt(`csr-${i}/go-x509`)} | |`);
rows.push('', '| parsing, one core | cfssl-ts | Go crypto/x509 |', '|---|---|---|');
rows.push(
  `| the P-256 leaf certificate (x509.ParseCertificate) | ${fmt('parse-cert-p256/cfssl-ts')} | ${fmt('parse-cert-p256/go-x509')} |`,
);
rows.push(`| its CSR (x509.ParseCertificateRequest) | ${fmt('parse-csr-p256/cfssl-ts')} | ${fmt('parse-csr-p256/go-x509')} |`);
rows.push('', '| other | cfssl-ts | peer |', '|---|---|---|');
rows.push(`| CSR generation with a given P-256 key | ${fmt('gencsr-p256/cfssl-ts')} | |`);
rows.push(`| ca-config.json + CSR JSON parsing | ${fmt('parse-config+csr-json/cfssl-ts')} | |`);
rows.push(`| \`cfssl-ts version\` vs \`node -e 0\` | ${fmt('cli-version/cfssl-ts')} | ${fmt('cli-version/node-e-0')} |`);
rows.push(
  `| \`gencert -initca\` with one 10 MiB host vs real cfssl 1.2 | ${fmt('cli-initca-10mib-host/cfssl-ts')} | ${fmt('cli-initca-10mib-host/cfssl')} |`,
);
rows.push(
  `| \`gencert -initca\` (RSA 2048) vs real cfssl 1.2 | ${fmt('cli-initca-rsa2048/cfssl-ts')} | ${fmt('cli-initca-rsa2048/cfssl')} |`,
);
rows.push(
  `| tutorial etcd-cert set: \`cfssl-ts etcd-cert\` vs two \`cfssl gencert \\| cfssljson\` | ${fmt('cli-etcd-cert/cfssl-ts')} | ${fmt('cli-etcd-cert/cfssl-pipeline')} |`,
);
rows.push('', '| ratio (same run, medians) | value |', '|---|---|');
for (const [k, v] of Object.entries(r.ratios)) rows.push(`| ${k} | ${v === null ? 'n/a' : v.toFixed(2)} |`);
if (r.memory) {
  const mb = (b) => (b / 2 ** 20).toFixed(1);
  rows.push(
    '',
    `Memory: ${r.memory.ops.toLocaleString('en-US')} leaves in one process; heap after each tenth (MiB, after GC): ${r.memory.samples.map((s) => mb(s.heapUsed)).join(', ')}; peak RSS ${mb(r.memory.peakRss)} MiB.`,
  );
}
rows.push(
  '',
  `Measured ${r.date} on Node ${r.node}, ${r.runs} runs per case (${r.msPerRun} ms each), ${r.pinned ? 'pinned to one core with taskset' : 'not pinned'}.`,
);
for (const n of r.notes) rows.push(`Note: ${n}.`);

writeFileSync(docPath, replaceBlock(readFileSync(docPath, 'utf8'), 'results', rows));

// Bar chart: issuance rates relative to Go crypto/x509 (1.0 = Go).
const bars = [];
for (const i of ['p256', 'p384', 'rsa2048', 'ed25519']) {
  const go = c[`leaf-${i}/go-x509`]?.median;
  if (!go) continue;
  bars.push({ label: `leaf ${i}: cfssl-ts`, v: c[`leaf-${i}/cfssl-ts`].median / go });
  bars.push({ label: `leaf ${i}: WebCrypto`, v: c[`leaf-${i}/cfssl-ts-webcrypto`].median / go });
}
for (const i of ['p256', 'rsa2048']) {
  const go = c[`csr-${i}/go-x509`]?.median;
  if (go) bars.push({ label: `CSR ${i}: cfssl-ts`, v: c[`csr-${i}/cfssl-ts`].median / go });
}
const W = 640;
const H = 30 + bars.length * 22;
const max = Math.max(2, ...bars.map((b) => b.v));
const x = (v) => 200 + (v / max) * (W - 240);
const svg = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
  `<text x="10" y="16">Issuance rate relative to Go crypto/x509 (1.0 = Go), medians, one core</text>`,
  ...bars.map((b, k) => {
    const y = 26 + k * 22;
    return `<text x="10" y="${y + 13}">${b.label}</text><rect x="200" y="${y}" width="${(x(b.v) - 200).toFixed(1)}" height="16" fill="${b.v >= 1 ? '#2a7' : '#c63'}"/><text x="${(x(b.v) + 4).toFixed(1)}" y="${y + 13}">${b.v.toFixed(2)}x</text>`;
  }),
  `<line x1="${x(1)}" y1="22" x2="${x(1)}" y2="${H}" stroke="#333" stroke-dasharray="3,3"/>`,
  '</svg>',
];
writeFileSync(join(root, 'docs/benchmarks.svg'), svg.join('\n') + '\n');
console.log('wrote docs/benchmarks.md and docs/benchmarks.svg');
