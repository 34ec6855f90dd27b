// The roots file parser against cfssl's own testdata and the expectations of multiroot/config/config_test.go.
import { readFileSync } from 'node:fs';
import { CfsslError } from '@cfssl-ts/core';
import { fixturePath } from '@cfssl-ts/test-support/repo-paths';
import { describe, expect, it } from 'vitest';
import { parseRootsFile, privateKeyPathOf } from './parse-roots-file.js';

const cfsslFile = (name: string) => readFileSync(fixturePath('multiroot', 'cfssl-testdata', name), 'utf8');

// cfssl's ParseToRawMap without LoadRoot's key check: the sections and their keys.
function rawSections(text: string) {
  try {
    return parseRootsFile(text, 'f.conf');
  } catch (e) {
    if (e instanceof CfsslError && /^config: root is missing/.test(e.message)) return 'missing key';
    throw e;
  }
}

function errorOf(text: string): CfsslError {
  try {
    parseRootsFile(text, 'roots.conf');
  } catch (e) {
    if (e instanceof CfsslError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('parseRootsFile', () => {
  it('reads cfssl testdata roots.conf: two sections with private, certificate, config', () => {
    const roots = parseRootsFile(cfsslFile('roots.conf'), 'roots.conf');
    expect(roots.map((r) => r.label)).toEqual(['primary', 'backup']);
    expect(roots[0]!.line).toBe(1);
    expect(roots[1]!.line).toBe(6);
    expect(Object.fromEntries(roots[0]!.entries)).toEqual({
      private: 'file://testdata/server.key',
      certificate: 'testdata/server.crt',
      config: 'testdata/config.json',
    });
  });

  it('keeps quoted values as cfssl TestQuotedValue expects, and a repeated key overwrites (test.conf)', () => {
    // test.conf has no private keys: the raw map is cfssl's, LoadRoot then refuses it.
    const text = cfsslFile('test.conf');
    expect(rawSections(text)).toBe('missing key');
    const withKeys = text.replace(/^\[ (\w+) \]$/gm, '[ $1 ]\nprivate = file://k\ncertificate = c\nconfig = j');
    const roots = parseRootsFile(withKeys, 'test.conf');
    expect(roots).toHaveLength(2);
    const first = roots.find((r) => r.label === 'sectionName')!.entries;
    expect(first.get('key4')).toBe(' space at beginning and end ');
    expect(first.get('key5')).toBe(' is quoted with single quotes ');
    expect(first.get('key1')).toBe('some value');
    expect(roots.find((r) => r.label === 'anotherSection')!.entries.get('key1')).toBe('overwrites previous value of a value');
  });

  it('puts keys before any section into "default" (test2.conf: one section, three keys)', () => {
    const text = `private = file://k\ncertificate = c\nconfig = j\n${cfsslFile('test2.conf')}`;
    const roots = parseRootsFile(text, 'test2.conf');
    expect(roots.map((r) => r.label)).toEqual(['default']);
    expect(roots[0]!.entries.size).toBe(6);
  });

  it('refuses cfssl bad.conf, naming the file and the line', () => {
    const e = errorOf(cfsslFile('bad.conf'));
    expect(e.code).toBe('ERR_ROOTS_FILE');
    expect(e.message).toBe('invalid config file: roots.conf:1: expected [label], key = value or a # comment, got "[]"');
  });

  it('keeps a value trailing blank (cfssl (.*)\\s*$) and drops a CRLF carriage return (bufio.ScanLines)', () => {
    const roots = parseRootsFile('[a]\r\nprivate = file://k  \r\ncertificate = c\r\nconfig = j\r\n', 'r');
    expect(roots[0]!.entries.get('private')).toBe('file://k  ');
    expect(roots[0]!.entries.get('config')).toBe('j');
  });

  it('takes a comment only in the first column, as cfssl ^#', () => {
    expect(errorOf('[a]\n  # indented\n').message).toMatch(/^invalid config file: roots.conf:2: /);
  });

  it('refuses a label that is not word characters (cfssl \\w+)', () => {
    expect(errorOf('[my-label]\nprivate = file://k\n').message).toMatch(/roots.conf:1: .*"\[my-label\]"/);
  });

  it('names the section and its line when a required key is missing, in cfssl LoadRoot order', () => {
    expect(errorOf(cfsslFile('roots_missing_private_key_entry.conf')).message).toBe(
      'config: root is missing private key spec: roots.conf:6: section [backup] has no private',
    );
    expect(errorOf(cfsslFile('roots_missing_certificate_entry.conf')).message).toBe(
      'config: root is missing certificate path: roots.conf:6: section [backup] has no certificate',
    );
    expect(errorOf(cfsslFile('roots_no_kdl_private_key.conf')).message).toBe(
      'config: root is missing configuration file path: roots.conf:1: section [primary] has no config',
    );
  });
});

describe('privateKeyPathOf', () => {
  it('joins a file:// URL host and path as cfssl does', () => {
    expect(privateKeyPathOf('file://testdata/server.key')).toBe('testdata/server.key');
    expect(privateKeyPathOf('file:///etc/cfssl/ca-key.pem')).toBe('/etc/cfssl/ca-key.pem');
    expect(privateKeyPathOf('file://ca-key.pem')).toBe('ca-key.pem');
  });

  it('refuses other schemes (cfssl testdata roots_badspec2/3, roots_ksm) and Red October', () => {
    for (const spec of ['://nothing', 'http://testdata/nosuch.key', 'ksm://test-signer', 'ca-key.pem']) {
      expect(() => privateKeyPathOf(spec), spec).toThrow(/^config: unsupported private key scheme/);
    }
    expect(() => privateKeyPathOf('rofile://k.enc')).toThrow(/Red October/);
  });
});
