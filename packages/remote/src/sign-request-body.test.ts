import { describe, expect, it } from 'vitest';
import { marshalSignRequest } from './sign-request-body.js';

const TAIL = ',"NotBefore":"0001-01-01T00:00:00Z","NotAfter":"0001-01-01T00:00:00Z","ReturnPrecert":false,"metadata":null}';

describe("marshalSignRequest (cfssl 1.6.5's signer.SignRequest JSON)", () => {
  it('writes the fields in cfssl order, hosts null when absent (captured from cfssl 1.2 plus the 1.6.5 tail)', () => {
    // cfssl 1.2 `gencert -remote` sent {"hosts":null,"certificate_request":"…","profile":"","crl_override":"","label":""}.
    expect(marshalSignRequest({ certificate_request: 'CSR' })).toBe(
      `{"hosts":null,"certificate_request":"CSR","profile":"","crl_override":"","label":""${TAIL}`,
    );
    expect(marshalSignRequest({ certificate_request: 'C\n<&>', hosts: ['a.b'], profile: 'P', label: 'L' })).toBe(
      `{"hosts":["a.b"],"certificate_request":"C\\n\\u003c\\u0026\\u003e","profile":"P","crl_override":"","label":"L"${TAIL}`,
    );
  });

  it('adds subject, serial and extensions only when set', () => {
    const body = marshalSignRequest({
      certificate_request: 'CSR',
      hosts: [],
      subject: {
        CN: 'x',
        names: [{ C: 'US', ST: '', L: '', O: 'o', OU: '', E: '', SerialNumber: '', OID: [['1.2.3', 'v']] }],
        SerialNumber: '',
      },
      serial: 12345678901234567890n,
      extensions: [{ oid: '1.2.3.4', critical: true, value: '0500' }],
    });
    expect(body).toBe(
      '{"hosts":[],"certificate_request":"CSR","subject":{"CN":"x","names":[{"C":"US","O":"o","OID":{"1.2.3":"v"}}],"SerialNumber":""},' +
        '"profile":"","crl_override":"","label":"","serial":12345678901234567890,"extensions":[{"id":"1.2.3.4","critical":true,"value":"0500"}]' +
        TAIL,
    );
  });
});
