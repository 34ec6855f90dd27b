import { describe, expect, it } from 'vitest';
import { CfsslError, defaultMessage } from './cfssl-error.js';
import { CFSSL_ERROR_CODES, CFSSL_NUMERIC_CODES } from './error-catalogue.js';

describe('CfsslError', () => {
  it("carries a stable string code and cfssl's number, with cfssl's default message", () => {
    const e = new CfsslError('ERR_POLICY', 5400);
    expect([e.code, e.cfsslCode, e.message, e.plain, e.name]).toEqual(['ERR_POLICY', 5400, 'Unknown policy profile', false, 'CfsslError']);
    expect(e.findings).toEqual([]);
    expect(e).toBeInstanceOf(Error);
  });

  it('a cfsslCode of 0 is the one way to make a plain error (a bare Go error text)', () => {
    const cause = new Error('inner');
    const e = new CfsslError('ERR_INPUT', 0, 'env var X not set', { cause });
    expect([e.code, e.cfsslCode, e.message, e.plain, e.cause]).toEqual(['ERR_INPUT', 0, 'env var X not set', true, cause]);
  });

  it('keeps a wrapped message (cfssl errors.Wrap)', () => {
    expect(new CfsslError('ERR_KEY_GENERATION', 2400, 'RSA key is too weak').message).toBe('RSA key is too weak');
  });

  it('defaultMessage gives cfssl errors.New texts', () => {
    expect(defaultMessage(2100)).toBe('Private key is encrypted.');
    expect(defaultMessage(9300)).toBe('CSR Bad request');
    expect(defaultMessage(1)).toBeUndefined();
  });
});

describe('error catalogue', () => {
  it('lists each string code and numeric code once, every numeric code under some family', () => {
    const codes = CFSSL_ERROR_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^ERR_[A-Z_]+$/);
    const numbers = CFSSL_NUMERIC_CODES.map((c) => c.cfsslCode);
    expect(new Set(numbers).size).toBe(numbers.length);
    const raised = new Set(CFSSL_ERROR_CODES.flatMap((c) => c.cfsslCodes as readonly number[]));
    // Below 1000 a code is an HTTP status (the API's handler-level errors), not one of cfssl's numbers.
    for (const n of raised) if (n >= 1000) expect(numbers).toContain(n);
    for (const n of raised) if (n < 1000) expect(n === 0 || (n >= 400 && n < 600)).toBe(true);
  });

  it("numeric codes follow cfssl's category * 1000 + reason", () => {
    for (const { cfsslCode } of CFSSL_NUMERIC_CODES) expect(cfsslCode >= 1000 && cfsslCode < 12000).toBe(true);
  });
});
