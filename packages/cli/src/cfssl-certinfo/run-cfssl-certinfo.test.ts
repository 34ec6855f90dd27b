// Expected texts: cfssl 1.6.5 cmd/cfssl-certinfo (usage, exit statuses) around cli/certinfo's output.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';
import { runCfsslInProcess } from '@cfssl-ts/test-support/run-cfssl-in-process';
import { runCfsslCertinfo } from './run-cfssl-certinfo.js';

const GOLDEN = goldenDir('cfssl-1.6.5', 'certinfo-produced-leaf');

async function run(args: string[], stdin = ''): Promise<{ status: number; stdout: string; stderr: string }> {
  const out = { stdout: '', stderr: '' };
  const status = await runCfsslCertinfo(args, {
    readStdin: () => Promise.resolve(new TextEncoder().encode(stdin)),
    writeStdout: (t) => void (out.stdout += typeof t === 'string' ? t : new TextDecoder().decode(t)),
    writeStderr: (t) => void (out.stderr += t),
    cwd: GOLDEN,
    env: {},
    now: () => 0,
  });
  return { status, ...out };
}

const USAGE = `\tcfssl-certinfo -- output certinfo about the given cert

\tUsage of certinfo:
\t\t- Data from local certificate files
        \tcertinfo -cert file
\t\t- Data from certificate from remote server.
        \tcertinfo -domain domain_name
\t\t- Data from CA storage
        \tcertinfo -serial serial_number -aki authority_key_id (requires -db-config)

\tFlags:
\t  -aki="": certificate issuer (authority) key identifier
  -cert="": Client certificate that contains the public key
  -db-config="": certificate db configuration file
  -domain="": remote server domain name
  -serial="": certificate serial number
`;

describe('cfssl-certinfo-ts', () => {
  it("-cert FILE and -cert - print cfssl 1.6.5's output, the same as `cfssl-ts certinfo`", async () => {
    const expected = readFileSync(join(GOLDEN, 'stdout.json'), 'utf8');
    expect(await run(['-cert', 'leaf.pem'])).toEqual({ status: 0, stdout: expected, stderr: '' });
    expect(await run(['-cert', '-'], readFileSync(join(GOLDEN, 'leaf.pem'), 'utf8'))).toEqual({ status: 0, stdout: expected, stderr: '' });
    expect((await runCfsslInProcess(['certinfo', '-cert', 'leaf.pem'], { cwd: GOLDEN })).stdout).toBe(expected);
  });

  it('an error of the command is printed and the status stays 0 (cfssl-certinfo never calls os.Exit(1))', async () => {
    expect(await run([])).toEqual({
      status: 0,
      stdout: '',
      stderr: 'Must specify certinfo target through -cert, -csr, -domain or -serial + -aki\n',
    });
    expect(await run(['-serial', '1', '-aki', 'ab'])).toEqual({
      status: 0,
      stdout: '',
      stderr: 'need DB config file (provide with -db-config)\n',
    });
    const missing = await run(['-cert', 'missing.pem']);
    expect(missing).toEqual({ status: 0, stdout: '', stderr: 'open missing.pem: no such file or directory\n' });
    // the same command under `cfssl-ts certinfo` exits 1 with the same text
    expect(await runCfsslInProcess(['certinfo', '-cert', 'missing.pem'], { cwd: GOLDEN })).toEqual({ ...missing, status: 1 });
  });

  it("-h prints the usage (status 0); -csr, -config and -loglevel are not cfssl-certinfo's flags (status 2)", async () => {
    expect(await run(['-h'])).toEqual({ status: 0, stdout: '', stderr: USAGE });
    for (const flag of ['-csr', '-config', '-loglevel']) {
      expect(await run([flag, 'x'])).toEqual({ status: 2, stdout: '', stderr: `flag provided but not defined: ${flag}\n${USAGE}` });
    }
  });
});
