#!/usr/bin/env node
// `pnpm bench`: every case in its own process, pinned to one core (taskset) when available, 5 runs,
// medians; peers measured in the same run (Go crypto/x509, real cfssl, raw node:crypto, `node -e 0`).
// Prints a table and writes bench/results.json. Peers that are not installed are skipped with a note.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runHttpSign, writeHttpResults } from './http/run-http-sign.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MS = Number(process.env.BENCH_MS ?? 1500);
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const pin = has('taskset') ? ['taskset', '-c', '0'] : [];
const notes = [];
if (!pin.length) notes.push('taskset not found: runs are not pinned to one core');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
function runJson(cmd, args) {
  const [c, ...rest] = [...pin, cmd, ...args];
  const out = execFileSync(c, rest, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out.trim().split('\n').pop());
}
function rate(cmd, args) {
  const rates = [];
  for (let i = 0; i < RUNS; i++) {
    const r = runJson(cmd, args);
    rates.push(r.ops / r.seconds);
  }
  return { median: median(rates), runs: rates };
}
function wall(cmd, args, { cwd = root, input, setup } = {}) {
  return wallRuns(cmd, args, { cwd, input, setup }, RUNS);
}
function wallRuns(cmd, args, { cwd = root, input, setup } = {}, runs = RUNS) {
  const times = [];
  for (let i = 0; i < runs + 1; i++) {
    setup?.();
    const [c, ...rest] = [...pin, cmd, ...args];
    const t0 = process.hrtime.bigint();
    const r = spawnSync(c, rest, { cwd, input, stdio: [input === undefined ? 'ignore' : 'pipe', 'ignore', 'ignore'] });
    const dt = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
    if (i > 0) times.push(dt); // the first run warms the file cache
  }
  return { median: median(times), runs: times };
}

const results = {
  date: new Date().toISOString(),
  node: process.version,
  runs: RUNS,
  msPerRun: MS,
  pinned: pin.length > 0,
  cases: {},
  notes,
};
const put = (key, value) => {
  results.cases[key] = value;
  const v = value.median;
  console.log(`${key.padEnd(42)} ${value.unit === 'ms' ? `${v.toFixed(1)} ms` : `${v.toFixed(0)} /s`}`);
};

// 1. Library throughput: cfssl-ts vs Go crypto/x509 vs raw node:crypto.
let goBin = null;
if (has('go')) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-go-'));
  goBin = join(dir, 'bench');
  execFileSync('go', ['build', '-o', goBin, '.'], {
    cwd: join(root, 'bench/go'),
    env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
  });
} else notes.push('go not found: Go crypto/x509 peer skipped (apt-get install golang-go)');

// Peers of one case run interleaved (A, B, C, A, B, C, ...) so bursts of noise on this shared machine
// hit every peer alike; medians per peer.
function interleaved(variants) {
  const rates = Object.fromEntries(variants.map(([key]) => [key, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const [key, cmd, args] of variants) {
      const r = runJson(cmd, args);
      rates[key].push(r.ops / r.seconds);
    }
  }
  for (const [key] of variants) put(key, { unit: 'ops', median: median(rates[key]), runs: rates[key] });
}
const nodeCase = (c) => ['node', ['bench/node/run-case.mjs', c, String(MS)]];
const node = (c) => rate(...nodeCase(c));
for (const issuer of ['p256', 'p384', 'rsa2048', 'ed25519']) {
  interleaved([
    [`leaf-${issuer}/cfssl-ts`, ...nodeCase(`leaf-${issuer}`)],
    [`leaf-${issuer}/cfssl-ts-webcrypto`, ...nodeCase(`leaf-${issuer}:webcrypto`)],
    [`leaf-${issuer}/node-sign-ceiling`, ...nodeCase(`raw-${issuer}`)],
    ...(goBin ? [[`leaf-${issuer}/go-x509`, goBin, [`leaf-${issuer}`, String(MS)]]] : []),
  ]);
}
for (const issuer of ['p256', 'rsa2048']) {
  interleaved([
    [`csr-${issuer}/cfssl-ts`, ...nodeCase(`csr-${issuer}`)],
    ...(goBin ? [[`csr-${issuer}/go-x509`, goBin, [`csr-${issuer}`, String(MS)]]] : []),
  ]);
}
for (const what of ['cert', 'csr']) {
  interleaved([
    [`parse-${what}-p256/cfssl-ts`, ...nodeCase(`parse-${what}-p256`)],
    ...(goBin ? [[`parse-${what}-p256/go-x509`, goBin, [`parse-${what}-p256`, String(MS)]]] : []),
  ]);
}
put('gencsr-p256/cfssl-ts', { unit: 'ops', ...node('gencsr-p256') });
put('parse-config+csr-json/cfssl-ts', { unit: 'ops', ...node('parse-config') });

// 2. Memory: 100,000 leaves in one process.
{
  const r = runJson('node', ['--expose-gc', 'bench/node/run-case.mjs', 'memory-100000', '0']);
  results.memory = r;
  console.log(
    `memory: 100000 leaves in ${r.seconds.toFixed(1)} s, heap ${(r.samples[0].heapUsed / 2 ** 20).toFixed(1)} MiB after 10% -> ${(r.samples.at(-1).heapUsed / 2 ** 20).toFixed(1)} MiB after 100%, peak RSS ${(r.peakRss / 2 ** 20).toFixed(0)} MiB`,
  );
}

// 3. The CLI end to end, against node -e 0 and real cfssl.
const bin = (n) => join(root, 'node_modules/.bin', n);
put('cli-version/cfssl-ts', { unit: 'ms', ...wall(bin('cfssl-ts'), ['version']) });
put('cli-version/node-e-0', { unit: 'ms', ...wall('node', ['-e', '0']) });
const work = mkdtempSync(join(tmpdir(), 'bench-cli-'));
writeFileSync(
  join(work, 'ca-csr.json'),
  JSON.stringify({ CN: 'etcd CA', key: { algo: 'rsa', size: 2048 }, names: [{ C: 'CN', L: 'Beijing', ST: 'Beijing' }] }),
);
put('cli-initca-rsa2048/cfssl-ts', { unit: 'ms', ...wall(bin('cfssl-ts'), ['gencert', '-initca', 'ca-csr.json'], { cwd: work }) });
if (has('cfssl')) put('cli-initca-rsa2048/cfssl', { unit: 'ms', ...wall('cfssl', ['gencert', '-initca', 'ca-csr.json'], { cwd: work }) });
else notes.push('cfssl not found: CLI peer skipped (apt-get install golang-cfssl)');

// A huge input (issue 10 item 6): a CA with one 10 MiB host, issued then printed, against real cfssl.
writeFileSync(
  join(work, 'huge-csr.json'),
  JSON.stringify({ CN: 'huge', hosts: ['a'.repeat(10 << 20)], key: { algo: 'ecdsa', size: 256 } }),
);
put('cli-initca-10mib-host/cfssl-ts', { unit: 'ms', ...wall(bin('cfssl-ts'), ['gencert', '-initca', 'huge-csr.json'], { cwd: work }) });
if (has('cfssl'))
  put('cli-initca-10mib-host/cfssl', { unit: 'ms', ...wall('cfssl', ['gencert', '-initca', 'huge-csr.json'], { cwd: work }) });

// The tutorial's etcd-cert set: one cfssl-ts command vs the two cfssl | cfssljson pipelines.
const tutorial = join(work, 'tutorial');
const fresh = () => {
  rmSync(tutorial, { recursive: true, force: true });
  mkdirSync(tutorial);
};
const hosts = '127.0.0.1,127.0.0.2,127.0.0.3';
put('cli-etcd-cert/cfssl-ts', {
  unit: 'ms',
  ...wall(bin('cfssl-ts'), ['etcd-cert', '-dir', tutorial, '-hosts', hosts], {
    setup: () => rmSync(tutorial, { recursive: true, force: true }),
  }),
});
if (has('cfssl') && has('cfssljson')) {
  const script = join(work, 'cfssl-tutorial.sh');
  writeFileSync(
    script,
    `set -e\ncd "$1"\ncat > ca-config.json <<'J'\n{"signing":{"default":{"expiry":"87600h"},"profiles":{"www":{"expiry":"87600h","usages":["signing","key encipherment","server auth","client auth"]}}}}\nJ\n` +
      `cat > ca-csr.json <<'J'\n{"CN":"etcd CA","key":{"algo":"rsa","size":2048},"names":[{"C":"CN","L":"Beijing","ST":"Beijing"}]}\nJ\n` +
      `cat > server-csr.json <<'J'\n{"CN":"etcd","hosts":["127.0.0.1","127.0.0.2","127.0.0.3"],"key":{"algo":"rsa","size":2048},"names":[{"C":"CN","L":"BeiJing","ST":"BeiJing"}]}\nJ\n` +
      `cfssl gencert -initca ca-csr.json 2>/dev/null | cfssljson -bare ca\n` +
      `cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=www server-csr.json 2>/dev/null | cfssljson -bare server\n`,
  );
  put('cli-etcd-cert/cfssl-pipeline', { unit: 'ms', ...wall('sh', [script, tutorial], { setup: fresh }) });
}

// 4. Over HTTP (issue 12): POST /api/v1/cfssl/sign, cfssl-ts serve vs real cfssl serve, wrk, alternating.
// Its own results file (bench/results-http.json) and block in docs/benchmarks.md.
{
  const http = await runHttpSign({
    runs: Number(process.env.BENCH_HTTP_RUNS ?? 3),
    seconds: Number(process.env.BENCH_HTTP_SECONDS ?? 20),
  });
  writeHttpResults(http);
  for (const n of http.notes) console.log(`note: ${n}`);
}

// Ratios the issue asks for.
const c = results.cases;
const ratio = (a, b) => (c[a] && c[b] ? c[a].median / c[b].median : null);
results.ratios = {
  'leaf-p256 cfssl-ts / go-x509': ratio('leaf-p256/cfssl-ts', 'leaf-p256/go-x509'),
  'leaf-p256 cfssl-ts / node-sign-ceiling': ratio('leaf-p256/cfssl-ts', 'leaf-p256/node-sign-ceiling'),
  'leaf-rsa2048 cfssl-ts / go-x509': ratio('leaf-rsa2048/cfssl-ts', 'leaf-rsa2048/go-x509'),
  'leaf-p384 cfssl-ts / go-x509': ratio('leaf-p384/cfssl-ts', 'leaf-p384/go-x509'),
  'leaf-ed25519 cfssl-ts / go-x509': ratio('leaf-ed25519/cfssl-ts', 'leaf-ed25519/go-x509'),
  'csr-p256 cfssl-ts / go-x509': ratio('csr-p256/cfssl-ts', 'csr-p256/go-x509'),
  'csr-rsa2048 cfssl-ts / go-x509': ratio('csr-rsa2048/cfssl-ts', 'csr-rsa2048/go-x509'),
  'parse-cert-p256 cfssl-ts / go-x509': ratio('parse-cert-p256/cfssl-ts', 'parse-cert-p256/go-x509'),
  'parse-csr-p256 cfssl-ts / go-x509': ratio('parse-csr-p256/cfssl-ts', 'parse-csr-p256/go-x509'),
  'cli version / node -e 0 (time)': ratio('cli-version/cfssl-ts', 'cli-version/node-e-0'),
  'etcd-cert / cfssl pipeline (time)': ratio('cli-etcd-cert/cfssl-ts', 'cli-etcd-cert/cfssl-pipeline'),
};
console.log('\nratios (medians of the same run):');
for (const [k, v] of Object.entries(results.ratios)) console.log(`  ${k.padEnd(42)} ${v === null ? 'n/a' : v.toFixed(2)}`);
for (const n of notes) console.log(`note: ${n}`);
writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/results.json');
