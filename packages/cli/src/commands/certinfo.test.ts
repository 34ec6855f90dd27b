// Expected texts: cfssl 1.6.5 cli/certinfo (usage, the "no target" error), reference §2.6.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCfsslInProcess } from '@cfssl-ts/test-support/run-cfssl-in-process';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';

const GOLDEN = goldenDir('cfssl-1.6.5', 'certinfo-produced-leaf');

const run = (args: string[], stdin = ''): Promise<{ status: number; stdout: string; stderr: string }> =>
  runCfsslInProcess(args, { cwd: GOLDEN, stdin, now: () => 0 });

describe('cfssl-ts certinfo', () => {
  it("-cert FILE and -cert - (stdin) print cfssl 1.6.5's output", async () => {
    const expected = readFileSync(join(GOLDEN, 'stdout.json'), 'utf8');
    expect(await run(['certinfo', '-cert', 'leaf.pem'])).toEqual({ status: 0, stdout: expected, stderr: '' });
    expect(await run(['certinfo', '-cert', '-'], readFileSync(join(GOLDEN, 'leaf.pem'), 'utf8'))).toEqual({
      status: 0,
      stdout: expected,
      stderr: '',
    });
  });

  it('-cert wins over -csr and -domain (cfssl checks them in that order)', async () => {
    const r = await run(['certinfo', '-domain', 'nowhere.invalid', '-csr', 'missing.csr', '-cert', 'leaf.pem']);
    expect(r.status).toBe(0);
  });

  it("no target: 1.6.5's message, exit 1", async () => {
    expect(await run(['certinfo'])).toEqual({
      status: 1,
      stdout: '',
      stderr: 'Must specify certinfo target through -cert, -csr, -domain or -serial + -aki\n',
    });
  });

  it("-serial and -aki without -db-config: cfssl's message", async () => {
    expect((await run(['certinfo', '-serial', '1', '-aki', 'ab'])).stderr).toBe('need DB config file (provide with -db-config)\n');
  });

  it('bad input: cfssl error JSON, no stack trace', async () => {
    expect(await run(['certinfo', '-cert', '-'], 'not pem')).toEqual({
      status: 1,
      stdout: '',
      stderr: '{"code":1002,"message":"Failed to decode certificate"}\n',
    });
    expect(await run(['certinfo', '-csr', '-'], 'not pem')).toEqual({
      status: 1,
      stdout: '',
      stderr: '{"code":9002,"message":"CSR Decode failed"}\n',
    });
    expect(await run(['certinfo', '-cert', 'nope.pem'])).toEqual({
      status: 1,
      stdout: '',
      stderr: 'open nope.pem: no such file or directory\n',
    });
  });

  it('-h: cfssl 1.6.5 usage (mixed tabs and spaces as in cfssl) and its six flags', async () => {
    const r = await run(['certinfo', '-h']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      '\tcfssl certinfo -- output certinfo about the given cert\n\nUsage of certinfo:\n' +
        '\t- Data from local certificate files\n        cfssl certinfo -cert file\n' +
        '\t- Data from local CSR file\n        cfssl certinfo -csr file\n' +
        '\t- Data from certificate from remote server.\n        cfssl certinfo -domain domain_name\n' +
        '\t- Data from CA storage\n        cfssl certinfo -sn serial (requires -db-config and -aki)\n\nFlags:\n' +
        '  -aki="": certificate issuer (authority) key identifier\n' +
        '  -cert="": Client certificate that contains the public key\n' +
        '  -csr="": Certificate signature request file for new public key\n' +
        '  -db-config="": certificate db configuration file\n' +
        '  -domain="": remote server domain name\n' +
        '  -serial="": certificate serial number\n' +
        '  -loglevel=1: Log level (0 = DEBUG, 5 = FATAL)\n',
    );
  });
});
