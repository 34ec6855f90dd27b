#!/usr/bin/env node
// The etcd binary-install tutorial's certificate steps, done with cfssl-ts and cfssljson-ts:
//   cfssl gencert -initca ca-csr.json | cfssljson -bare ca
//   cfssl gencert -ca=ca.pem -ca-key=ca-key.pem -config=ca-config.json -profile=www server-csr.json | cfssljson -bare server
// Writes ./etcd-cert (or the directory given as the first argument). Hosts: CFSSL_TS_DEMO_HOSTS (comma list).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const dir = resolve(process.argv[2] ?? 'etcd-cert');
const hosts = (process.env.CFSSL_TS_DEMO_HOSTS ?? '127.0.0.1,192.168.31.63,192.168.31.65,192.168.31.66').split(',');

mkdirSync(dir, { recursive: true });
const json = (name, value) => {
  const path = join(dir, name);
  if (!existsSync(path)) writeFileSync(path, `${JSON.stringify(value, null, 4)}\n`);
};
json('ca-config.json', {
  signing: {
    default: { expiry: '87600h' },
    profiles: { www: { expiry: '87600h', usages: ['signing', 'key encipherment', 'server auth', 'client auth'] } },
  },
});
json('ca-csr.json', { CN: 'etcd CA', key: { algo: 'rsa', size: 2048 }, names: [{ C: 'CN', L: 'Beijing', ST: 'Beijing' }] });
json('server-csr.json', {
  CN: 'etcd',
  hosts,
  key: { algo: 'rsa', size: 2048 },
  names: [{ C: 'CN', L: 'BeiJing', ST: 'BeiJing' }],
});

const pipe = (cfsslArgs, base) => {
  const out = execFileSync(bin('cfssl-ts'), cfsslArgs, { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
  execFileSync(bin('cfssljson-ts'), ['-bare', base], { cwd: dir, input: out, stdio: ['pipe', 'inherit', 'inherit'] });
};
pipe(['gencert', '-initca', 'ca-csr.json'], 'ca');
pipe(['gencert', '-ca=ca.pem', '-ca-key=ca-key.pem', '-config=ca-config.json', '-profile=www', 'server-csr.json'], 'server');
console.log(`wrote ${dir}: ca.pem ca-key.pem ca.csr server.pem server-key.pem server.csr`);
