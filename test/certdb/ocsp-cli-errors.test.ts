// Missing-flag and bad-input paths of crl, ocsprefresh, ocspdump and ocspserve, with cfssl 1.6.5's texts
// (reference §2.11, §2.14–2.16; cfssl cli/crl, cli/ocsprefresh, cli/ocspdump, cli/ocspserve).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCfsslInProcess } from '@cfssl-ts/test-support/run-cfssl-in-process';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ocsp-cli-errors-'));
  writeFileSync(join(dir, 'db.json'), '{"driver":"sqlite3","data_source":"certs.db"}');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => runCfsslInProcess(args, { cwd: dir });

describe('crl', () => {
  // cfssl's generateCRL returns a nil CRL without an error: ERROR log, an empty line, exit 0.
  for (const [args, message] of [
    [['-db-config', 'db.json', '-ca-key', 'k.pem'], 'need CA certificate (provide one with -ca)'],
    [['-db-config', 'db.json', '-ca', 'c.pem'], 'need CA key (provide one with -ca-key)'],
    [['-ca', 'c.pem', '-ca-key', 'k.pem'], 'no Database specified!'],
  ] as const) {
    it(`without a flag: ${message}`, async () => {
      const r = await run(['crl', ...args]);
      expect(r).toMatchObject({ status: 0, stdout: '\n' });
      expect(r.stderr).toMatch(new RegExp(`\\[ERROR\\] ${message.replace(/[()!]/g, '\\$&')}\\n$`));
    });
  }
  it('an unreadable db-config is 5200 before the CA is read', async () => {
    const r = await run(['crl', '-db-config', 'absent.json', '-ca', 'c.pem', '-ca-key', 'k.pem']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('{"code":5200,"message":"could not read configuration file"}');
  });
});

describe('ocsprefresh', () => {
  const all = ['-db-config', 'db.json', '-responder', 'r.pem', '-responder-key', 'rk.pem', '-ca', 'ca.pem'];
  for (const [drop, message] of [
    ['-db-config', 'need DB config file (provide with -db-config)'],
    ['-responder', 'need responder certificate (provide with -responder)'],
    ['-responder-key', 'need responder key (provide with -responder-key)'],
    ['-ca', 'need CA certificate (provide with -ca)'],
  ] as const) {
    it(`without ${drop}: ${message}`, async () => {
      const i = all.indexOf(drop);
      const r = await run(['ocsprefresh', ...all.slice(0, i), ...all.slice(i + 2)]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(message);
    });
  }
  it('an unreadable CA is logged as "Unable to create OCSP signer" before the database is opened', async () => {
    const r = await run(['ocsprefresh', ...all]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[CRITICAL] Unable to create OCSP signer: open ca.pem: no such file or directory');
  });
});

describe('ocspdump', () => {
  it('needs -db-config', async () => {
    const r = await run(['ocspdump']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('need DB config file (provide with -db-config)');
  });
  it('a database without the tables is 11000 with the driver text', async () => {
    const r = await run(['ocspdump', '-db-config', 'db.json']);
    expect([r.status, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toContain('{"code":11000,"message":"no such table: ocsp_responses"}');
  });
});

describe('ocspserve', () => {
  it('neither -responses nor -db-config: the 1.6 text', async () => {
    const r = await run(['ocspserve']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'no response file or db-config provided, please set the one of these using either -responses or -db-config flags',
    );
  });
  it('an unreadable db-config: unable to read configuration file', async () => {
    const r = await run(['ocspserve', '-db-config', 'absent.json']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unable to read configuration file');
  });
});
