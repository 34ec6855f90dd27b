import { describe, expect, it } from 'vitest';
import { goField, goIntType, goStringType } from './go-type.js';
import { matchFieldName } from './match-field-name.js';

describe('matchFieldName (Go 1.19 encoding/json field lookup)', () => {
  const fields = [
    goField('ExpiryString', goStringType(), 'expiry'),
    goField('AuthKeyName', goStringType(), 'auth_key'),
    goField('Expiry', goIntType('time.Duration')),
    goField('CRL', goStringType(), 'crl_url'),
  ];
  const match = (key: string): string | undefined => matchFieldName(fields, key)?.goName;

  it('prefers an exact match, then the first case-insensitive one', () => {
    expect(match('expiry')).toBe('ExpiryString');
    expect(match('Expiry')).toBe('Expiry');
    expect(match('EXPIRY')).toBe('ExpiryString');
    expect(match('Auth_Key')).toBe('AuthKeyName');
    expect(match('CRL_URL')).toBe('CRL');
  });

  it('folds KELVIN SIGN to k and LONG S to s, nothing else', () => {
    expect(match('auth_\u212aey')).toBe('AuthKeyName');
    expect(match('expiry'.replace('x', 'X'))).toBe('ExpiryString');
    expect(match('auth-key')).toBeUndefined();
    expect(match('crl_url ')).toBeUndefined();
    expect(match('\u017fomething')).toBeUndefined();
    expect(match('expir\u0131')).toBeUndefined();
  });
});
