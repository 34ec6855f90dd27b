import { describe, expect, it } from 'vitest';
import { webCryptoBackend } from '../keys/crypto-backend.js';
import { resolveIssuanceContext } from './issuance-context.js';

const zeros = (n: number): Uint8Array => new Uint8Array(n);

describe('resolveIssuanceContext', () => {
  it('defaults to the system clock, the WebCrypto backend and its CSRNG, and the local signer draw', () => {
    const context = resolveIssuanceContext();
    const before = Date.now();
    expect(context.now()).toBeGreaterThanOrEqual(before);
    expect(context.random(20)).toHaveLength(20);
    expect(typeof context.backend.signer).toBe('function');
    // cfssl local signer: 20 random bytes, top bit cleared
    const serial = context.serialNumber();
    expect(serial > 0n && serial < 1n << 159n).toBe(true);
  });

  it('returns a resolved context as it is, so callers resolve once', () => {
    const context = resolveIssuanceContext({ now: () => 1 });
    expect(resolveIssuanceContext(context)).toBe(context);
    expect(Object.isFrozen(context)).toBe(true);
  });

  it('draws serials from the injected random source, by the issuer rule when one is given', () => {
    const context = resolveIssuanceContext({ random: (n) => zeros(n).fill(0xff) });
    expect(context.serialNumber()).toBe((1n << 159n) - 1n);
    expect(context.serialNumber((random) => BigInt(random(1)[0]!))).toBe(255n);
  });

  it('takes the random source of the backend when none is given', () => {
    const backend = { ...webCryptoBackend(), randomBytes: zeros };
    expect(resolveIssuanceContext({ backend }).serialNumber()).toBe(0n);
  });

  it('uses a fixed serial (the --serial replay) for every issuer rule', () => {
    const context = resolveIssuanceContext({ serialNumber: 42n });
    expect(context.serialNumber()).toBe(42n);
    expect(context.serialNumber(() => 7n)).toBe(42n);
  });

  it('calls a serial source once per certificate', () => {
    let next = 0n;
    const context = resolveIssuanceContext({ serialNumber: () => ++next });
    expect([context.serialNumber(), context.serialNumber()]).toEqual([1n, 2n]);
  });

  it('keeps the caller serial when a context is spread into options again', () => {
    const context = resolveIssuanceContext({ serialNumber: 9n, now: () => 5 });
    const again = resolveIssuanceContext({ ...context });
    expect(again.serialNumber()).toBe(9n);
    expect(again.now()).toBe(5);
  });
});
