import { describe, expect, it } from 'vitest';
import { CfsslError } from '@cfssl-ts/core';
import { postToRemote } from './post-to-remote.js';
import { RemoteTransportError, type RemoteTransport } from './remote-transport.js';

const answer =
  (status: number, body: string): RemoteTransport =>
  () =>
    Promise.resolve({ status, body: new TextEncoder().encode(body) });
const URL = 'http://ca:8888/api/v1/cfssl/sign';

async function failure(transport: RemoteTransport): Promise<CfsslError> {
  try {
    await postToRemote(transport, URL, '{}');
  } catch (e) {
    if (e instanceof CfsslError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe("postToRemote (cfssl api/client server.post's checks)", () => {
  it('returns the result of a successful envelope', async () => {
    const r = await postToRemote(answer(200, '{"success":true,"result":{"certificate":"X"},"errors":[],"messages":[]}'), URL, '{}');
    expect(r.result).toEqual({ certificate: 'X' });
  });

  it('no answer → 7400 failed POST to <url>: Post "<url>": <reason>', async () => {
    const e = await failure(() => Promise.reject(new RemoteTransportError('dial tcp 127.0.0.1:1: connect: connection refused')));
    expect(e.code).toBe('ERR_API_CLIENT');
    expect(e.cfsslCode).toBe(7400);
    expect(e.message).toBe(`failed POST to ${URL}: Post "${URL}": dial tcp 127.0.0.1:1: connect: connection refused`);
  });

  it('a status other than 200 → 7400 with the raw body, and the http error log text', async () => {
    const logged: string[] = [];
    const body = '{"success":false,"result":null,"errors":[{"code":400,"message":"invalid token"}],"messages":[]}\n';
    await expect(postToRemote(answer(400, body), URL, '{}', (m) => logged.push(m))).rejects.toMatchObject({
      cfsslCode: 7400,
      message: body,
    });
    expect(logged).toEqual([`http error with ${URL}`]);
  });

  it('a body that is not JSON → 7200', async () => {
    expect((await failure(answer(200, 'not json'))).cfsslCode).toBe(7200);
  });

  it("success:false with errors → 7500 with the first error's message; without → cfssl's default text", async () => {
    const e = await failure(
      answer(200, '{"success":false,"result":null,"errors":[{"code":1,"message":"captured"},{"code":2,"message":"x"}]}'),
    );
    expect([e.cfsslCode, e.message]).toEqual([7500, 'captured']);
    const d = await failure(answer(200, '{"success":false,"result":null,"errors":[],"messages":[]}'));
    expect([d.cfsslCode, d.message]).toEqual([7500, 'API client error: Server request failed']);
    expect((await failure(answer(200, '{"success":true,"result":null}'))).cfsslCode).toBe(7500);
  });
});
