import { describe, expect, it } from 'vitest';
import { CfsslError } from '@cfssl-ts/core';
import { remoteInfo } from './remote-info.js';
import { remoteSign } from './remote-sign.js';
import { standardAuthToken } from './standard-auth-token.js';
import { RemoteTransportError, type RemoteTransport } from './remote-transport.js';

interface Sent {
  url: string;
  body: string;
}

// A transport that records each POST and answers by URL prefix: 'down' hosts refuse, others answer `result`.
function fake(result: unknown, sent: Sent[]): RemoteTransport {
  return (url, body) => {
    sent.push({ url, body: new TextDecoder().decode(body) });
    if (url.includes('down')) return Promise.reject(new RemoteTransportError('connect: connection refused'));
    const envelope = { success: true, result, errors: [], messages: [] };
    return Promise.resolve({ status: 200, body: new TextEncoder().encode(JSON.stringify(envelope)) });
  };
}

describe('remoteSign', () => {
  it('posts to /sign and returns the certificate; fails over in order', async () => {
    const sent: Sent[] = [];
    const pem = await remoteSign({
      remote: 'down1,up:9',
      transport: fake({ certificate: 'PEM' }, sent),
      request: { certificate_request: 'CSR' },
    });
    expect(pem).toBe('PEM');
    expect(sent.map((s) => s.url)).toEqual(['http://down1:8888/api/v1/cfssl/sign', 'http://up:9/api/v1/cfssl/sign']);
    expect(sent[1]?.body.startsWith('{"hosts":null,"certificate_request":"CSR"')).toBe(true);
  });

  it('throws the last error when every remote fails', async () => {
    await expect(
      remoteSign({ remote: 'down1,down2', transport: fake({}, []), request: { certificate_request: 'C' } }),
    ).rejects.toMatchObject({
      cfsslCode: 7400,
      message: expect.stringContaining('http://down2:8888') as unknown,
    });
  });

  it('with an auth key, posts {"timestamp","token","request"} to /authsign with an HMAC over the request bytes', async () => {
    const sent: Sent[] = [];
    const key = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
    await remoteSign({
      remote: 'ca',
      transport: fake({ certificate: 'P' }, sent),
      request: { certificate_request: 'C' },
      authKey: key,
      now: 1_700_000_000_999,
    });
    expect(sent[0]?.url).toBe('http://ca:8888/api/v1/cfssl/authsign');
    const env = JSON.parse(sent[0]?.body ?? '') as Record<string, unknown>;
    expect(Object.keys(env)).toEqual(['timestamp', 'token', 'request']);
    expect(env.timestamp).toBe(1_700_000_000);
    const inner = Buffer.from(env.request as string, 'base64');
    expect(inner.toString()).toMatch(/^\{"hosts":null,"certificate_request":"C",/);
    expect(env.token).toBe(Buffer.from(await standardAuthToken(key, inner)).toString('base64'));
  });

  it('checks the result as cfssl does: no string certificate → 7200, an empty one → 7400 "response doesn\'t contain certificate."', async () => {
    const sign = (result: unknown) => remoteSign({ remote: 'ca', transport: fake(result, []), request: { certificate_request: 'C' } });
    await expect(sign({})).rejects.toMatchObject({ cfsslCode: 7200 });
    await expect(sign({ certificate: '' })).rejects.toMatchObject({ cfsslCode: 7400, message: "response doesn't contain certificate." });
    await expect(sign(['x'])).rejects.toMatchObject({ cfsslCode: 7400, message: 'response is formatted improperly' });
  });

  it('refuses an address that is not a URL before sending anything', async () => {
    const sent: Sent[] = [];
    await expect(remoteSign({ remote: 'ca:bad', transport: fake({}, sent), request: { certificate_request: 'C' } })).rejects.toBeInstanceOf(
      CfsslError,
    );
    expect(sent).toEqual([]);
  });
});

describe('remoteInfo', () => {
  it('posts {"label","profile"} to /info and reads certificate, usages and expiry', async () => {
    const sent: Sent[] = [];
    const info = await remoteInfo({
      remote: 'ca',
      transport: fake({ certificate: 'C', usages: ['signing'], expiry: '1h' }, sent),
      label: 'L',
    });
    expect(info).toEqual({ certificate: 'C', usages: ['signing'], expiry: '1h' });
    expect(sent[0]).toEqual({ url: 'http://ca:8888/api/v1/cfssl/info', body: '{"label":"L","profile":""}' });
    expect(await remoteInfo({ remote: 'ca', transport: fake({ certificate: 'C', usages: null }, []) })).toEqual({
      certificate: 'C',
      usages: [],
      expiry: '',
    });
  });
});
