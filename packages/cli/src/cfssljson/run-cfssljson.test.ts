import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CFSSL_TS_VERSION } from '../version-info.js';
import { runCfssljson } from './run-cfssljson.js';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';
import { probeUmask } from '@cfssl-ts/test-support/umask-probe';

const GOLDEN = goldenDir('cfssl-1.6.5', 'etcd-ca');

let dir: string;
let umask: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cfssljson-'));
  umask = await probeUmask(dir);
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  stdinReads: number;
}

async function run(argv: string[], stdin: string | Uint8Array = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let stdinReads = 0;
  const code = await runCfssljson(argv, {
    stdin: () => {
      stdinReads++;
      return Promise.resolve(typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin);
    },
    stdout: (s) => {
      stdout += typeof s === 'string' ? s : new TextDecoder().decode(s);
    },
    stderr: (s) => {
      stderr += s;
    },
    cwd: dir,
  });
  return { code, stdout, stderr, stdinReads };
}

async function files(): Promise<string[]> {
  return (await readdir(dir)).sort();
}

async function modeOf(name: string): Promise<number> {
  return (await stat(join(dir, name))).mode & 0o777;
}

async function text(name: string): Promise<string> {
  return readFile(join(dir, name), 'utf8');
}

const USAGE =
  'Usage of cfssljson-ts:\n' +
  '  -bare\n' +
  '    \tthe response from CFSSL is not wrapped in the API standard response\n' +
  '  -f string\n' +
  '    \tJSON input (default "-")\n' +
  '  -force\n' +
  '    \toverwrite existing private key files (-key.pem, -key.enc); cfssl-ts extension\n' +
  '  -stdout\n' +
  '    \toutput the response instead of saving to a file\n' +
  '  -version\n' +
  '    \tprint version and exit\n';

describe('cfssljson -bare with cfssl 1.6.5 golden output (etcd-ca)', () => {
  it('writes out.pem, out-key.pem and out.csr equal to the golden files, and nothing else', async () => {
    const stdin = await readFile(join(GOLDEN, 'stdout.json'));
    const result = await run(['-bare', 'out'], new Uint8Array(stdin));
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await files()).toEqual(['out-key.pem', 'out.csr', 'out.pem']);
    expect(await text('out.pem')).toBe(await readFile(join(GOLDEN, 'cert.pem'), 'utf8'));
    expect(await text('out-key.pem')).toBe(await readFile(join(GOLDEN, 'key.pem'), 'utf8'));
    expect(await text('out.csr')).toBe(await readFile(join(GOLDEN, 'csr.pem'), 'utf8'));
    expect(await modeOf('out.pem')).toBe(0o644 & ~umask);
    expect(await modeOf('out-key.pem')).toBe(0o600 & ~umask);
    expect(await modeOf('out.csr')).toBe(0o644 & ~umask);
  });

  it('uses the base name "cert" by default', async () => {
    const stdin = await readFile(join(GOLDEN, 'stdout.json'), 'utf8');
    expect((await run(['-bare'], stdin)).code).toBe(0);
    expect(await files()).toEqual(['cert-key.pem', 'cert.csr', 'cert.pem']);
  });

  it('reads the input from -f, relative to the working directory, without touching stdin', async () => {
    await writeFile(join(dir, 'in.json'), await readFile(join(GOLDEN, 'stdout.json')));
    const result = await run(['-f', 'in.json', '-bare', 'ca']);
    expect(result.code).toBe(0);
    expect(result.stdinReads).toBe(0);
    expect(await files()).toEqual(['ca-key.pem', 'ca.csr', 'ca.pem', 'in.json']);
  });

  it('prints cert, key and csr, each followed by a newline, with -stdout and writes nothing', async () => {
    const stdin = await readFile(join(GOLDEN, 'stdout.json'), 'utf8');
    const golden = JSON.parse(stdin) as { cert: string; key: string; csr: string };
    const result = await run(['-bare', '-stdout', 'out'], stdin);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${golden.cert}\n${golden.key}\n${golden.csr}\n`);
    expect(await files()).toEqual([]);
  });
});

describe('cfssljson outputs (cmd/cfssljson order and field names)', () => {
  it('prints every kind of item in cfssl order with -stdout; binary items base64 (real cfssljson 1.2 for the 1.2 fields)', async () => {
    const input = JSON.stringify({
      ocspResponse: 'AAE=',
      csr: 'R',
      encrypted_key: '',
      key: 'K',
      cert: 'C',
      result: { bundle: { bundle: 'B', root: 'T' } },
    });
    const result = await run(['-bare', '-stdout'], input);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('C\nK\n\nR\nB\nT\nT\nAAE=\n');
  });

  it('takes certificate, private_key and certificate_request when cert, key and csr are absent', async () => {
    const input = JSON.stringify({ certificate: 'C', private_key: 'K', certificate_request: 'R' });
    expect((await run(['-bare', 'x'], input)).code).toBe(0);
    expect(await files()).toEqual(['x-key.pem', 'x.csr', 'x.pem']);
    expect([await text('x.pem'), await text('x-key.pem'), await text('x.csr')]).toEqual(['C', 'K', 'R']);
  });

  it('lets a present but empty cert hide certificate (Go checks presence, then emptiness)', async () => {
    expect((await run(['-bare', 'x'], '{"cert":"","certificate":"C","key":"K"}')).code).toBe(0);
    expect(await files()).toEqual(['x-key.pem']);
  });

  it('writes the encrypted key raw with mode 0600, even when empty', async () => {
    expect((await run(['-bare', 'x'], '{"encrypted_key":"abc"}')).code).toBe(0);
    expect(await text('x-key.enc')).toBe('abc');
    expect(await modeOf('x-key.enc')).toBe(0o600 & ~umask);
    await rm(join(dir, 'x-key.enc'));
    expect((await run(['-bare', 'y'], '{"encrypted_key":""}')).code).toBe(0);
    expect(await text('y-key.enc')).toBe('');
  });

  it('writes the 1.6 bundle as bundle + "\\n" + root, and the root alone', async () => {
    const input = JSON.stringify({ result: { bundle: { bundle: 'LEAF\nINT', root: 'ROOT' } } });
    expect((await run(['-bare', 'b'], input)).code).toBe(0);
    expect(await files()).toEqual(['b-bundle.pem', 'b-root.pem']);
    expect(await text('b-bundle.pem')).toBe('LEAF\nINT\nROOT');
    expect(await text('b-root.pem')).toBe('ROOT');
    expect(await modeOf('b-root.pem')).toBe(0o644 & ~umask);
  });

  it('ignores a result.bundle that is not an object', async () => {
    expect((await run(['-bare', 'b'], '{"result":{"bundle":"x"},"cert":"C"}')).code).toBe(0);
    expect(await files()).toEqual(['b.pem']);
  });

  it.each([
    ['{"result":{"bundle":{"root":"R"}}}', 'inner bundle parsing failed!\n'],
    ['{"result":{"bundle":{"bundle":5,"root":"R"}}}', 'inner bundle parsing failed!\n'],
    ['{"result":{"bundle":{"bundle":"B"}}}', 'root parsing failed!\n'],
  ])('fails on an incomplete bundle %s', async (input, message) => {
    const result = await run(['-bare', '-stdout', 'b'], input);
    expect(result).toMatchObject({ code: 1, stderr: message, stdout: '' });
  });

  it('writes the OCSP response base64-decoded', async () => {
    expect((await run(['-bare', 'o'], '{"ocspResponse":"AAEC/w=="}')).code).toBe(0);
    expect(new Uint8Array(await readFile(join(dir, 'o-response.der')))).toEqual(new Uint8Array([0, 1, 2, 255]));
    expect(await modeOf('o-response.der')).toBe(0o644 & ~umask);
  });

  it('rejects a bad OCSP response with Go base64 text (real cfssljson 1.2)', async () => {
    const result = await run(['-bare', 'o'], '{"cert":"C","ocspResponse":"AA$E="}');
    expect(result).toMatchObject({ code: 1, stderr: 'Failed to parse ocspResponse: illegal base64 data at input byte 2\n' });
    expect(await files()).toEqual([]);
  });

  // cfssljson 1.2 and 1.6.5 exit 0 having written nothing (docs/compat.md)
  it.each([
    [['-bare'], '{}'],
    [['-bare'], '{"other":1}'],
    [['-bare'], 'null'],
    [['-bare', '-stdout'], '{}'],
    [['x'], '{"success":true,"result":{}}'],
    [['-bare'], '{"cert":""}'],
  ])('%j of %s: nothing to write is an error, exit 1', async (argv, input) => {
    expect(await run(argv, input)).toMatchObject({
      code: 1,
      stdout: '',
      stderr:
        'Nothing to write: the input has none of cert, key, encrypted_key, csr, result.bundle, ocspResponse (is it the output of cfssl?)\n',
    });
    expect(await files()).toEqual([]);
  });

  it('ignores arguments after the base name, flags included', async () => {
    expect((await run(['-bare', 'out', '-stdout', 'more'], '{"cert":"C"}')).code).toBe(0);
    expect(await files()).toEqual(['out.pem']);
  });

  it('panics like Go on a non-string field (real cfssljson 1.2)', async () => {
    const number = await run(['-bare', 'x'], '{"cert":5}');
    expect(number.code).toBe(2);
    expect(number.stderr.split('\n')[0]).toBe('panic: interface conversion: interface {} is float64, not string');
    const nil = await run(['-bare', 'x'], '{"cert":null}');
    expect(nil.stderr.split('\n')[0]).toBe('panic: interface conversion: interface {} is nil, not string');
    const object = await run(['-bare', 'x'], '{"key":{}}');
    expect(object.stderr.split('\n')[0]).toBe('panic: interface conversion: interface {} is map[string]interface {}, not string');
    expect(await files()).toEqual([]);
  });
});

describe('cfssljson envelope mode (no -bare)', () => {
  it('takes the outputs from result', async () => {
    const input = JSON.stringify({ success: true, result: { certificate: 'C', private_key: 'K' }, errors: [], messages: [] });
    expect((await run(['x'], input)).code).toBe(0);
    expect(await files()).toEqual(['x-key.pem', 'x.pem']);
  });

  it('matches envelope keys case-insensitively (real cfssljson 1.2)', async () => {
    const result = await run(['-stdout'], '{"Success":true,"Result":{"cert":"Q"}}');
    expect(result).toMatchObject({ code: 0, stdout: 'Q\n' });
  });

  it('reports a failed request with one tab-indented line per error (real cfssljson 1.2)', async () => {
    const result = await run([], '{"success":false,"errors":[{"message":"a"},{"code":1}],"result":null}');
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: 'Request failed:\n\ta\n\t\n' });
  });

  it('treats null as a failed request (real cfssljson 1.2)', async () => {
    expect(await run([], 'null')).toMatchObject({ code: 1, stderr: 'Request failed:\n' });
  });

  it('treats a missing success as a failed request', async () => {
    expect(await run([], '{"result":{"cert":"C"}}')).toMatchObject({ code: 1, stderr: 'Request failed:\n' });
    expect(await files()).toEqual([]);
  });

  it.each([
    ['{"success":"x"}', 'json: cannot unmarshal string into Go struct field Response.success of type bool'],
    ['{"success":true,"result":"x"}', 'json: cannot unmarshal string into Go struct field Response.result of type map[string]interface {}'],
    [
      '{"success":false,"errors":[{"message":5}]}',
      'json: cannot unmarshal number into Go struct field ResponseMessage.errors.message of type string',
    ],
  ])('reports Go decode errors (real cfssljson 1.2): %s', async (input, message) => {
    expect(await run([], input)).toMatchObject({ code: 1, stderr: `Failed to parse input: ${message}\n` });
  });
});

describe('cfssljson input errors', () => {
  it('reports empty input as Go does (reference §2.20)', async () => {
    expect(await run(['-bare'], '')).toMatchObject({ code: 1, stderr: 'Failed to parse input: unexpected end of JSON input\n' });
    expect(await run([], '')).toMatchObject({ code: 1, stderr: 'Failed to parse input: unexpected end of JSON input\n' });
  });

  it.each([
    [['-bare'], '\ufeff{}', "invalid character 'ï' looking for beginning of value"],
    [['-bare'], '{"cert":"a",}', "invalid character '}' looking for beginning of object key string"],
    [[], '"x"', 'json: cannot unmarshal string into Go value of type main.Response'],
    [
      [],
      '{"success":true,"result":{"cert":"C"},"errors":[{"int":1.5}]}',
      'json: cannot unmarshal number 1.5 into Go struct field ResponseMessage.errors.int of type int',
    ],
  ])('reports %j %j as real cfssljson 1.2 does', async (argv, input, message) => {
    expect(await run(argv, input)).toMatchObject({ code: 1, stdout: '', stderr: `Failed to parse input: ${message}\n` });
    expect(await files()).toEqual([]);
  });

  it('rejects a non-object with -bare (real cfssljson 1.2)', async () => {
    expect(await run(['-bare'], '[1]')).toMatchObject({
      code: 1,
      stderr: 'Failed to parse input: json: cannot unmarshal array into Go value of type map[string]interface {}\n',
    });
  });

  it('reports a missing -f file (real cfssljson 1.2)', async () => {
    expect(await run(['-f', 'nofile'])).toMatchObject({
      code: 1,
      stderr: 'Failed to read input: open nofile: no such file or directory\n',
    });
  });

  it('reports a directory given to -f (real cfssljson 1.2: "read /tmp: is a directory")', async () => {
    await mkdir(join(dir, 'sub'));
    expect(await run(['-f', 'sub'])).toMatchObject({ code: 1, stderr: 'Failed to read input: read sub: is a directory\n' });
  });
});

describe('cfssljson writing', () => {
  it('reports a missing output directory like real cfssljson 1.2', async () => {
    const result = await run(['-bare', 'nodir/x'], '{"cert":"x"}');
    expect(result).toMatchObject({ code: 1, stderr: 'open nodir/x.pem: no such file or directory\n' });
  });

  it('writes nothing when a later output cannot be written', async () => {
    await mkdir(join(dir, 'x.csr'));
    const result = await run(['-bare', 'x'], '{"cert":"C","key":"K","csr":"R"}');
    expect(result).toMatchObject({ code: 1, stderr: 'open x.csr: is a directory\n' });
    expect(await files()).toEqual(['x.csr']);
  });

  it('overwrites existing certificate and CSR files, as cfssl does', async () => {
    await writeFile(join(dir, 'x.pem'), 'old cert');
    await writeFile(join(dir, 'x.csr'), 'old csr');
    expect((await run(['-bare', 'x'], '{"cert":"C","csr":"R"}')).code).toBe(0);
    expect([await text('x.pem'), await text('x.csr')]).toEqual(['C', 'R']);
  });

  it('never replaces an existing private key without -force, and writes nothing else', async () => {
    await writeFile(join(dir, 'x-key.pem'), 'old key', { mode: 0o600 });
    const result = await run(['-bare', 'x'], '{"cert":"C","key":"K","csr":"R"}');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('x-key.pem');
    expect(result.stderr).toContain('-force');
    expect(await files()).toEqual(['x-key.pem']);
    expect(await text('x-key.pem')).toBe('old key');
  });

  it('protects an existing encrypted key the same way', async () => {
    await writeFile(join(dir, 'x-key.enc'), 'old');
    const result = await run(['-bare', 'x'], '{"cert":"C","encrypted_key":"E"}');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('x-key.enc');
    expect(await files()).toEqual(['x-key.enc']);
  });

  it('replaces an existing private key with -force, mode 0600', async () => {
    await writeFile(join(dir, 'x-key.pem'), 'old key', { mode: 0o644 });
    expect((await run(['-bare', '-force', 'x'], '{"cert":"C","key":"K"}')).code).toBe(0);
    expect(await text('x-key.pem')).toBe('K');
    expect(await modeOf('x-key.pem')).toBe(0o600 & ~umask);
  });

  it('does not check existing keys with -stdout (nothing is written)', async () => {
    await writeFile(join(dir, 'x-key.pem'), 'old key');
    expect(await run(['-bare', '-stdout', 'x'], '{"key":"K"}')).toMatchObject({ code: 0, stdout: 'K\n' });
  });
});

describe('cfssljson flags', () => {
  it('prints the version and runtime with -version, without reading input', async () => {
    const result = await run(['-version', '-f', 'nofile']);
    expect(result.code).toBe(0);
    expect(result.stdinReads).toBe(0);
    expect(result.stdout).toMatch(/^Version: [^\n]+\nRuntime: node\d+\.\d+\.\d+\n$/);
    expect(result.stdout.split('\n')[0]).toContain(CFSSL_TS_VERSION);
  });

  it('prints Go-style usage on -h and exits 0', async () => {
    expect(await run(['-h'])).toMatchObject({ code: 0, stdout: '', stderr: USAGE });
  });

  it('rejects an unknown flag with Go text and usage, exit 2 (real cfssljson 1.2)', async () => {
    expect(await run(['-x'])).toMatchObject({ code: 2, stdout: '', stderr: `flag provided but not defined: -x\n${USAGE}` });
  });

  it('rejects a bad boolean value with Go text, exit 2 (real cfssljson 1.2)', async () => {
    expect(await run(['-bare=x'])).toMatchObject({ code: 2, stderr: `invalid boolean value "x" for -bare: parse error\n${USAGE}` });
  });

  it('rejects a missing -f value, exit 2', async () => {
    expect(await run(['-f'])).toMatchObject({ code: 2, stderr: `flag needs an argument: -f\n${USAGE}` });
  });
});
