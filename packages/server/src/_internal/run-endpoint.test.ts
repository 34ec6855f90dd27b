import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { remoteAddrOf } from './run-endpoint.js';

const req = (remoteAddress: string, remotePort: number) => ({ socket: { remoteAddress, remotePort } }) as unknown as IncomingMessage;

describe('remoteAddrOf', () => {
  it('writes host:port as Go r.RemoteAddr does', () => {
    expect(remoteAddrOf(req('127.0.0.1', 40000))).toBe('127.0.0.1:40000');
    expect(remoteAddrOf(req('::1', 40001))).toBe('[::1]:40001');
    // a dual-stack listener (multirootca's default ":8888") sees IPv4 clients as IPv4-mapped; Go prints them as IPv4
    expect(remoteAddrOf(req('::ffff:10.1.2.3', 40002))).toBe('10.1.2.3:40002');
    expect(remoteAddrOf(req('::ffff:a01:203', 40003))).toBe('[::ffff:a01:203]:40003');
  });
});
