// Expected bytes: cfssl 1.6.5 cli/printdefault (identical in Debian 1.2, whose output was compared
// with `od -c`): the template, then Println's extra newline; unknown types list what exists, exit 0.
import { describe, expect, it } from 'vitest';
import { runCfsslInProcess } from '@cfssl-ts/test-support/run-cfssl-in-process';

const run = (args: string[]): Promise<{ status: number; stdout: string; stderr: string }> =>
  runCfsslInProcess(args, { cwd: '/', now: () => 0 });

const CSR = `{
    "CN": "example.net",
    "hosts": [
        "example.net",
        "www.example.net"
    ],
    "key": {
        "algo": "ecdsa",
        "size": 256
    },
    "names": [
        {
            "C": "US",
            "ST": "CA",
            "L": "San Francisco"
        }
    ]
}

`;

const LIST = 'Default configurations are available for:\n\tconfig\n\tcsr\n';

describe('cfssl-ts print-defaults', () => {
  it('csr: the template and one blank line', async () => {
    expect(await run(['print-defaults', 'csr'])).toEqual({ status: 0, stdout: CSR, stderr: '' });
  });

  it('config: signing.default has only an expiry; www and client profiles', async () => {
    const r = await run(['print-defaults', 'config']);
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('}\n\n')).toBe(true);
    expect(JSON.parse(r.stdout)).toEqual({
      signing: {
        default: { expiry: '168h' },
        profiles: {
          www: { expiry: '8760h', usages: ['signing', 'key encipherment', 'server auth'] },
          client: { expiry: '8760h', usages: ['signing', 'key encipherment', 'client auth'] },
        },
      },
    });
    // 4-space indentation, keys in cfssl's order
    expect(r.stdout.split('\n').slice(0, 4)).toEqual(['{', '    "signing": {', '        "default": {', '            "expiry": "168h"']);
  });

  it('list, and any unknown type, print the available names (fixed order; cfssl iterates a Go map)', async () => {
    expect(await run(['print-defaults', 'list'])).toEqual({ status: 0, stdout: LIST, stderr: '' });
    expect(await run(['print-defaults', 'bogus'])).toEqual({ status: 0, stdout: LIST, stderr: '' });
  });

  it('extra arguments are ignored', async () => {
    expect((await run(['print-defaults', 'csr', 'extra'])).stdout).toBe(CSR);
  });

  it('no type: cli.PopFirstArgument error, exit 1', async () => {
    expect(await run(['print-defaults'])).toEqual({
      status: 1,
      stdout: '',
      stderr: 'not enough arguments are supplied --- please refer to the usage\n',
    });
  });

  it('-h: cfssl 1.6.5 usage text, only loglevel listed', async () => {
    const r = await run(['print-defaults', '-h']);
    expect(r.stderr).toBe(
      '\tcfssl print-defaults -- print default configurations that can be used as a template\n\nUsage of print-defaults:\n' +
        '        cfssl print-defaults TYPE\n\nIf "list" is used as the TYPE, the list of supported types will be printed.\n' +
        '  -loglevel=1: Log level (0 = DEBUG, 5 = FATAL)\n',
    );
  });
});
