import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CfsslError } from '../errors/cfssl-error.js';
import { parseCsrRequest } from './parse-csr-request.js';
import { goldenDir } from '@cfssl-ts/test-support/repo-paths';

const GOLDEN = goldenDir('cfssl-1.6.5');

function goldenCsr(id: string, file = 'csr.json'): string {
  return readFileSync(join(GOLDEN, id, file), 'utf8');
}

function failure(text: string): CfsslError {
  try {
    parseCsrRequest(text);
  } catch (e) {
    if (e instanceof CfsslError) return e;
    throw e;
  }
  throw new Error('parsed');
}

const emptyName = { C: '', ST: '', L: '', O: '', OU: '', E: '', SerialNumber: '', OID: [] };

describe('parseCsrRequest: golden cfssl 1.6.5 requests', () => {
  it('reads names with E, OID and the top-level serialnumber', () => {
    const req = parseCsrRequest(goldenCsr('gencert-serialnumber-email-oid-names'));
    expect(req).toEqual({
      CN: 'sensor-7.contoso.dev',
      names: [{ ...emptyName, C: 'NL', O: 'Contoso IoT', E: 'iot@contoso.dev', OID: [['2.5.4.15', 'Device']] }],
      hosts: [],
      key: { algo: 'ecdsa', size: 256 },
      ca: null,
      serialnumber: 'CT-7',
      delegationEnabled: false,
      extensions: [],
      crlUrl: '',
    });
  });

  it('does not validate the key request (that is key generation, 2400)', () => {
    expect(parseCsrRequest(goldenCsr('csr-bad-algo-case-sensitive')).key).toEqual({ algo: 'ECDSA', size: 256 });
    expect(parseCsrRequest(goldenCsr('csr-ec-bad-size')).key).toEqual({ algo: 'ecdsa', size: 512 });
    expect(parseCsrRequest(goldenCsr('csr-rsa-too-large')).key).toEqual({ algo: 'rsa', size: 16384 });
  });

  it('keeps the size of the default when only algo is given', () => {
    expect(parseCsrRequest(goldenCsr('gencert-ed25519-leaf')).key).toEqual({ algo: 'ed25519', size: 256 });
  });

  it('reads the ca section', () => {
    expect(parseCsrRequest(goldenCsr('csr-ca-section-without-initca')).ca).toEqual({
      pathlen: 0,
      pathlenzero: false,
      expiry: '1h',
      backdate: '',
    });
    expect(parseCsrRequest(goldenCsr('genkey-initca-rsa2048-pathlenzero')).ca).toEqual({
      pathlen: 0,
      pathlenzero: true,
      expiry: '35040h',
      backdate: '',
    });
    expect(parseCsrRequest(goldenCsr('initca-ecdsa256-pathlen1')).ca).toEqual({ pathlen: 1, pathlenzero: false, expiry: '', backdate: '' });
  });

  it('reads hosts, UTF-8 names and whitespace values verbatim', () => {
    const peer = parseCsrRequest(goldenCsr('etcd-peer', 'peer-csr.json'));
    expect(peer.hosts).toEqual(['10.240.0.10', '10.240.0.11', '10.240.0.12', 'etcd-1']);
    expect(peer.names).toEqual([{ ...emptyName, C: 'DE', L: 'Berlin', ST: 'Berlin' }]);
    expect(peer.key).toEqual({ algo: 'rsa', size: 2048 });
    const utf8 = parseCsrRequest(goldenCsr('initca-ecdsa384-utf8-names'));
    expect(utf8.CN).toBe('Contoso \u6771\u4eac Root');
    expect(utf8.names[0]).toMatchObject({ ST: '\u6771\u4eac\u90fd', O: 'Contoso & Partners', OU: 'dev_ops@contoso' });
    expect(parseCsrRequest(goldenCsr('initca-error-missing-subject')).names).toEqual([{ ...emptyName, ST: '\t' }]);
  });

  it('parses every golden CSR JSON', () => {
    const files = readdirSync(GOLDEN)
      .filter((d) => !d.includes('.'))
      .flatMap((d) =>
        readdirSync(join(GOLDEN, d))
          .filter((f) => /csr\.json$/.test(f))
          .map((f) => join(GOLDEN, d, f)),
      );
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) expect(parseCsrRequest(readFileSync(f, 'utf8')).key.algo.length).toBeGreaterThan(0);
  });
});

describe('parseCsrRequest: Go decoding semantics', () => {
  it('merges key into the default and treats null as the default', () => {
    expect(parseCsrRequest('{"key":{"algo":"rsa"}}').key).toEqual({ algo: 'rsa', size: 256 });
    expect(parseCsrRequest('{"key":{"size":384}}').key).toEqual({ algo: 'ecdsa', size: 384 });
    expect(parseCsrRequest('{"key":null}').key).toEqual({ algo: 'ecdsa', size: 256 });
    expect(parseCsrRequest('{}').key).toEqual({ algo: 'ecdsa', size: 256 });
    expect(parseCsrRequest('null').key).toEqual({ algo: 'ecdsa', size: 256 });
    // null drops the default; the next object starts from a zero KeyRequest
    expect(parseCsrRequest('{"key":null,"key":{"algo":"rsa"}}').key).toEqual({ algo: 'rsa', size: 0 });
    expect(parseCsrRequest('{"key":{"algo":"rsa"},"key":{"size":2048}}').key).toEqual({ algo: 'rsa', size: 2048 });
  });

  it('matches keys case-insensitively and ignores unknown ones', () => {
    const unknown: string[] = [];
    const req = parseCsrRequest(
      '{"cn":"a","NAMES":[{"c":"US","o":"x","serialnumber":"s","oid":{"1.2.3":"v","1.2.4":"w","1.2.3":"z"},"CN":"no"}],"Hosts":["h"],"KEY":{"ALGO":"rsa","Size":2048},"Ca":{"PathLen":2,"PATHLENZERO":true,"Backdate":"1h"},"SerialNumber":"7","Delegation_Enabled":true,"CRL_URL":"http://c","extra":1}',
      { onUnknownKey: (p) => unknown.push(p) },
    );
    expect(req).toEqual({
      CN: 'a',
      names: [
        {
          ...emptyName,
          C: 'US',
          O: 'x',
          SerialNumber: 's',
          OID: [
            ['1.2.3', 'z'],
            ['1.2.4', 'w'],
          ],
        },
      ],
      hosts: ['h'],
      key: { algo: 'rsa', size: 2048 },
      ca: { pathlen: 2, pathlenzero: true, expiry: '', backdate: '1h' },
      serialnumber: '7',
      delegationEnabled: true,
      extensions: [],
      crlUrl: 'http://c',
    });
    // paths use the keys as written
    expect(unknown).toEqual(['NAMES[0].CN', 'extra']);
  });

  it('reads Go pkix.Extension JSON', () => {
    const req = parseCsrRequest('{"extensions":[{"Id":[1,3,6,1,4,1,44363,44],"Critical":true,"Value":"BQA="},{"id":[2,5,29,17]}]}');
    expect(req.extensions).toEqual([
      { id: [1, 3, 6, 1, 4, 1, 44363, 44], critical: true, value: new Uint8Array([5, 0]) },
      { id: [2, 5, 29, 17], critical: false, value: new Uint8Array(0) },
    ]);
  });

  it('keeps ca: null as null and hosts: null as empty', () => {
    expect(parseCsrRequest('{"ca":null,"hosts":null,"names":null}')).toMatchObject({ ca: null, hosts: [], names: [] });
    expect(parseCsrRequest('{"ca":{}}').ca).toEqual({ pathlen: 0, pathlenzero: false, expiry: '', backdate: '' });
  });

  it.each([
    ['{"CN":"a",}', "invalid character '}' looking for beginning of object key string"],
    ['', 'unexpected end of JSON input'],
    ['[]', 'json: cannot unmarshal array into Go value of type csr.CertificateRequest'],
    ['{"hosts":"x"}', 'json: cannot unmarshal string into Go struct field CertificateRequest.hosts of type []string'],
    ['{"names":[{"C":1}]}', 'json: cannot unmarshal number into Go struct field Name.names.C of type string'],
    ['{"key":{"size":"x"}}', 'json: cannot unmarshal string into Go struct field KeyRequest.key.size of type int'],
    ['{"key":{"size":2048.0}}', 'json: cannot unmarshal number 2048.0 into Go struct field KeyRequest.key.size of type int'],
    ['{"ca":5}', 'json: cannot unmarshal number into Go struct field CertificateRequest.ca of type csr.CAConfig'],
    ['{"key":"rsa"}', 'json: cannot unmarshal string into Go struct field CertificateRequest.key of type csr.KeyRequest'],
    ['{"names":[{"OID":{"1.2":1}}]}', 'json: cannot unmarshal number into Go struct field Name.names.OID of type string'],
    [
      '{"extensions":[{"Id":"1.2"}]}',
      'json: cannot unmarshal string into Go struct field Extension.extensions.Id of type asn1.ObjectIdentifier',
    ],
    ['{"extensions":[{"Value":"AQ="}]}', 'illegal base64 data at input byte 3'],
  ])('rejects %j with Go text as a plain error', (input, message) => {
    const e = failure(input);
    expect(e).toMatchObject({ code: 'ERR_CSR_REQUEST', plain: true, cfsslCode: 0, message });
  });
});

describe('parseCsrRequest: refusals cfssl 1.2 lacks', () => {
  it('a negative ca.pathlen other than -1 names the field (cfssl 1.2 issues pathlen:-2)', () => {
    let refusal: unknown;
    try {
      parseCsrRequest('{"CN":"ca","ca":{"pathlen":-2}}');
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toMatchObject({
      code: 'ERR_CSR_REQUEST',
      cfsslCode: 0,
      message: 'ca.pathlen -2 is not a path length: use 0 or more (0 with pathlenzero), or omit it for no limit',
    });
    expect(parseCsrRequest('{"CN":"ca","ca":{"pathlen":-1}}').ca?.pathlen).toBe(-1);
  });
});

describe('parseCsrRequest given an object', () => {
  it('decodes it exactly as its JSON text, defaults included', () => {
    const request = { CN: 'etcd', hosts: ['127.0.0.1'], names: [{ C: 'CN', OID: { '1.2.3.4': 'x' } }], ca: { expiry: '1h' } };
    expect(parseCsrRequest(request)).toEqual(parseCsrRequest(JSON.stringify(request)));
    expect(parseCsrRequest({ CN: 'x', key: { algo: 'rsa' } }).key).toEqual({ algo: 'rsa', size: 256 });
  });

  it("reports a wrong type with Go's text naming the field, never a JSON syntax error", () => {
    const bad = { CN: 5 } as unknown as { CN: string };
    expect(() => parseCsrRequest(bad)).toThrow(
      new CfsslError('ERR_CSR_REQUEST', 0, 'json: cannot unmarshal number into Go struct field CertificateRequest.CN of type string'),
    );
  });

  it('refuses a value JSON cannot carry as Go json: unsupported value', () => {
    const cyclic: Record<string, unknown> = { CN: 'x' };
    cyclic.names = [cyclic];
    expect(() => parseCsrRequest(cyclic)).toThrow(/^json: unsupported value: /);
    try {
      parseCsrRequest({ CN: 1n } as unknown as { CN: string });
    } catch (e) {
      expect(e).toMatchObject({ code: 'ERR_CSR_REQUEST', cfsslCode: 0 });
    }
    expect.assertions(2);
  });
});
