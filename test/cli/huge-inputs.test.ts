// Huge and endless inputs (issue 10 items 1 and 6): each finishes, with the right output or a clear error naming the
// input. Inputs are made here from golden material, never committed. Test timeouts are hang guards only: speed is
// measured by bench/, not asserted here. Rows where cfssl-ts refuses what cfssl accepts are in docs/compat.md.
import { spawn, spawnSync } from 'node:child_process';
import { createSign } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tlv } from '@cfssl-ts/test-support/der-builders';
import { readChildren, readSingle, type DerNode } from '@cfssl-ts/test-support/der-reader';
import { pemToDer } from '@cfssl-ts/test-support/pem-der';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';
import { binPath, runBin } from '@cfssl-ts/test-support/run-bin';

const HANG_GUARD = { timeout: 120_000 };
const dir = mkdtempSync(join(tmpdir(), 'huge-inputs-'));
const golden = goldenDir('cfssl-1.2', 'etcd-server');
const at = (name: string) => join(dir, name);
const pem = (label: string, der: Uint8Array) =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;
const SAN_OID = Uint8Array.of(0x55, 0x1d, 0x11);
const tooLarge = (name: string, limit: string) =>
  `read ${name}: input larger than ${limit} (cfssl-ts reads at most ${limit} from one input)`;

// The golden server certificate with its TBSCertificate fields replaced (the signature no longer matches; certinfo and
// gencsr do not check it, as cfssl does not).
function certificateWith(replace: (fields: DerNode[]) => Uint8Array[]): string {
  const [tbs, algorithm, signature] = readChildren(readSingle(pemToDer(readFileSync(join(golden, 'cert.pem'), 'utf8'))));
  return pem('CERTIFICATE', tlv(0x30, tlv(0x30, ...replace(readChildren(tbs!))), algorithm!.raw, signature!.raw));
}

// Run a bin with standard input read from a file or device.
function runWithStdinFrom(path: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const fd = openSync(path, 'r');
  try {
    const r = spawnSync(binPath('cfssl-ts'), args, { cwd: dir, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

const serial = Buffer.alloc(1 << 20, 0x5a); // a 1 MiB positive serial number
const hugeSerial = '7'.repeat(1_000_000);

beforeAll(() => {
  cpSync(golden, dir, { recursive: true });
  writeFileSync(
    at('serial-1m.pem'),
    certificateWith((f) => [f[0]!.raw, tlv(0x02, serial), ...f.slice(2).map((x) => x.raw)]),
  );
  const san = tlv(0x30, tlv(0x06, SAN_OID), tlv(0x04, tlv(0x30, tlv(0x82, Buffer.alloc(10 << 20, 'a')))));
  writeFileSync(
    at('san-10m.pem'),
    certificateWith((f) => [...f.slice(0, 7).map((x) => x.raw), tlv(0xa3, tlv(0x30, san))]),
  );
  // A CSR with a 10 MiB extension in its extensionRequest, signed with its own key (certinfo -csr checks the signature).
  const [info, algorithm] = readChildren(readSingle(pemToDer(readFileSync(join(golden, 'csr.pem'), 'utf8'))));
  const [version, subject, spki] = readChildren(info!);
  const extension = tlv(0x30, tlv(0x06, [0x2a, 0x03, 0x04]), tlv(0x04, Buffer.alloc(10 << 20, 7)));
  const extensionRequest = tlv(0x30, tlv(0x06, Buffer.from('2a864886f70d01090e', 'hex')), tlv(0x31, tlv(0x30, extension)));
  const newInfo = tlv(0x30, version!.raw, subject!.raw, spki!.raw, tlv(0xa0, extensionRequest));
  const signature = createSign('sha256')
    .update(newInfo)
    .sign(readFileSync(join(golden, 'key.pem'), 'utf8'));
  writeFileSync(at('ext-10m.csr'), pem('CERTIFICATE REQUEST', tlv(0x30, newInfo, algorithm!.raw, tlv(0x03, [0], signature))));
  writeFileSync(at('serials.txt'), `${hugeSerial}\n`);
  writeFileSync(at('cn-50m.json'), JSON.stringify({ CN: 'a'.repeat(50 << 20) }));
  writeFileSync(at('cn-4m.json'), JSON.stringify({ CN: 'c'.repeat(4 << 20), key: { algo: 'ecdsa', size: 256 } }));
  writeFileSync(at('field-50m.json'), JSON.stringify({ cert: 'a'.repeat(50 << 20) }));
  writeFileSync(at('field-12m.json'), JSON.stringify({ cert: 'b'.repeat(12 << 20) }));
  spawnSync('mkfifo', [at('endless.fifo')]);
}, HANG_GUARD.timeout);

describe('a 1 MiB serial number (issue 10 item 1)', () => {
  it('certinfo -cert prints it in decimal', HANG_GUARD, () => {
    const r = runBin('cfssl-ts', ['certinfo', '-cert', 'serial-1m.pem'], dir);
    expect(r.stderr).toBe('');
    expect((JSON.parse(r.stdout) as { serial_number: string }).serial_number).toBe(BigInt(`0x${serial.toString('hex')}`).toString());
  });

  it('bundle -cert reaches chain building (cfssl 1.2: the same 1220)', HANG_GUARD, () => {
    const r = runBin('cfssl-ts', ['bundle', '-cert', 'serial-1m.pem'], dir);
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toContain('{"code":1220,"message":"x509: certificate signed by unknown authority"}');
  });

  it('gencsr -cert copies the subject into a new CSR', HANG_GUARD, () => {
    const r = runBin('cfssl-ts', ['gencsr', '-key', 'key.pem', '-cert', 'serial-1m.pem'], dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('BEGIN CERTIFICATE REQUEST');
  });

  it('check reads a directory holding it', HANG_GUARD, () => {
    mkdirSync(at('serial-dir'));
    cpSync(at('ca.pem'), at('serial-dir/ca.pem'));
    cpSync(at('serial-1m.pem'), at('serial-dir/server.pem'));
    const r = runBin('cfssl-ts', ['check', 'serial-dir'], dir);
    expect(r.stdout).toContain('serial-dir/server.pem');
    expect(r.stderr).not.toContain('internal error');
  });

  it('gencrl revokes a 1,000,000-digit serial from the serial file', HANG_GUARD, () => {
    const r = runBin('cfssl-ts', ['gencrl', 'serials.txt', 'ca.pem', 'ca-key.pem'], dir);
    expect(r.status).toBe(0);
    const hex = BigInt(hugeSerial).toString(16);
    const der = Buffer.from(r.stdout, 'base64');
    expect(der.indexOf(Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex'))).toBeGreaterThan(0);
  });
});

describe('huge inputs (issue 10 item 6)', () => {
  it('certinfo -cert prints a 10 MiB DNS SAN', HANG_GUARD, () => {
    const r = runBin('cfssl-ts', ['certinfo', '-cert', 'san-10m.pem'], dir);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { sans: string[] }).sans).toEqual(['a'.repeat(10 << 20)]);
  });

  it('certinfo -csr prints a CSR with a 10 MiB extension', HANG_GUARD, () => {
    const r = runBin('cfssl-ts', ['certinfo', '-csr', 'ext-10m.csr'], dir);
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout) as { Extensions: Array<{ Id: number[]; Value: string }> };
    expect(printed.Extensions.map((e) => [e.Id.join('.'), Buffer.from(e.Value, 'base64').length])).toEqual([['1.2.3.4', 10 << 20]]);
  });

  it('gencert -initca issues a CA with a 4 MiB CN', HANG_GUARD, () => {
    const r = runBin('cfssl-ts', ['gencert', '-initca', 'cn-4m.json'], dir);
    expect(r.status).toBe(0);
    expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual(['cert', 'csr', 'key']);
  });

  it('cfssljson-ts writes a 12 MiB field', HANG_GUARD, () => {
    mkdirSync(at('json-out'));
    const r = runBin('cfssljson-ts', ['-f', '../field-12m.json', '-bare', 'x'], at('json-out'));
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(readFileSync(at('json-out/x.pem'), 'utf8')).toBe('b'.repeat(12 << 20));
  });

  it('check matches 6,000 hosts of server-csr.json against a certificate with 6,000 SANs', HANG_GUARD, () => {
    mkdirSync(at('hosts-dir'));
    const hosts = Array.from({ length: 6000 }, (_, i) => `h${i}.example.com`);
    writeFileSync(at('hosts-dir/server-csr.json'), JSON.stringify({ CN: 'etcd', hosts, key: { algo: 'ecdsa', size: 256 } }));
    const issued = runBin('cfssl-ts', ['gencert', '-ca', '../ca.pem', '-ca-key', '../ca-key.pem', 'server-csr.json'], at('hosts-dir'));
    expect(issued.status).toBe(0);
    const { cert, key } = JSON.parse(issued.stdout) as { cert: string; key: string };
    writeFileSync(at('hosts-dir/server.pem'), cert);
    writeFileSync(at('hosts-dir/server-key.pem'), key);
    cpSync(at('ca.pem'), at('hosts-dir/ca.pem'));
    const r = runBin('cfssl-ts', ['check', 'hosts-dir'], dir);
    expect(r.stdout).toContain('valid for every host in server-csr.json');
  });
});

describe('inputs past their limit end with an error naming them (cfssl reads them to the end)', () => {
  it.each([
    ['gencert -initca of a 50 MiB CSR JSON', ['gencert', '-initca', 'cn-50m.json'], tooLarge('cn-50m.json', '16 MiB')],
    ['certinfo -csr /dev/zero', ['certinfo', '-csr', '/dev/zero'], tooLarge('/dev/zero', '16 MiB')],
    [
      'sign with /dev/zero as -config',
      ['sign', '-ca', 'ca.pem', '-ca-key', 'ca-key.pem', '-config', '/dev/zero', 'csr.pem'],
      `Failed to load config file: ${tooLarge('/dev/zero', '16 MiB')}`,
    ],
    ['gencrl with /dev/zero as the serial list', ['gencrl', '/dev/zero', 'ca.pem', 'ca-key.pem'], tooLarge('/dev/zero', '64 MiB')],
  ])('%s', HANG_GUARD, (_name, args, message) => {
    const r = runBin('cfssl-ts', args, dir);
    expect([r.status, r.stdout, r.stderr.trim().split('\n').at(-1)]).toEqual([1, '', message]);
  });

  it('standard input from /dev/zero', HANG_GUARD, () => {
    const r = runWithStdinFrom('/dev/zero', ['gencert', '-initca', '-']);
    expect([r.status, r.stdout, r.stderr]).toEqual([1, '', `${tooLarge('/dev/stdin', '16 MiB')}\n`]);
  });

  it('a FIFO that never ends', HANG_GUARD, async () => {
    const writer = spawn('sh', ['-c', `yes > '${at('endless.fifo')}'`], { stdio: 'ignore' });
    try {
      const r = runBin('cfssl-ts', ['certinfo', '-cert', 'endless.fifo'], dir);
      expect([r.status, r.stderr]).toEqual([1, `${tooLarge('endless.fifo', '16 MiB')}\n`]);
    } finally {
      writer.kill();
      await new Promise((resolve) => writer.once('exit', resolve));
    }
  });

  it('cfssljson-ts with a 50 MiB field', HANG_GUARD, () => {
    const r = runBin('cfssljson-ts', ['-f', 'field-50m.json', '-bare', 'x'], dir);
    expect([r.status, r.stderr]).toEqual([1, `Failed to read input: ${tooLarge('field-50m.json', '16 MiB')}\n`]);
  });
});
