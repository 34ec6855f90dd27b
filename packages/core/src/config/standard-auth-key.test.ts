import { describe, expect, it } from 'vitest';
import { AuthKeyDecodeError, decodeStandardAuthKey } from './standard-auth-key.js';

describe('decodeStandardAuthKey', () => {
  it('decodes hex in either case', () => {
    expect(decodeStandardAuthKey('0123456789abcdefABCDEF')).toEqual(
      new Uint8Array([0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0xab, 0xcd, 0xef]),
    );
    expect(decodeStandardAuthKey('')).toEqual(new Uint8Array(0));
  });

  it('rejects bad hex and unknown prefixes', () => {
    expect(() => decodeStandardAuthKey('abc')).toThrow(AuthKeyDecodeError);
    expect(() => decodeStandardAuthKey('zz')).toThrow(AuthKeyDecodeError);
    expect(() => decodeStandardAuthKey('vault:x', () => '00')).toThrow('unknown key prefix: vault');
  });

  it('resolves env: and file: keys (file contents trimmed, unset env is empty)', () => {
    const calls: string[] = [];
    const resolve = (kind: 'env' | 'file', name: string): string | undefined => {
      calls.push(`${kind}:${name}`);
      return name === 'SET' ? 'ff' : name === '/k:x' ? '\u00a0 0a\n' : undefined;
    };
    expect(decodeStandardAuthKey('env:SET', resolve)).toEqual(new Uint8Array([255]));
    expect(decodeStandardAuthKey('env:UNSET', resolve)).toEqual(new Uint8Array(0));
    expect(decodeStandardAuthKey('file:/k:x', resolve)).toEqual(new Uint8Array([10]));
    expect(() => decodeStandardAuthKey('file:/missing', resolve)).toThrow(AuthKeyDecodeError);
    expect(() => decodeStandardAuthKey('env:SET')).toThrow(AuthKeyDecodeError);
    expect(calls).toEqual(['env:SET', 'env:UNSET', 'file:/k:x', 'file:/missing']);
  });
});
