import { describe, expect, it } from 'vitest';
import { createReplayGuard } from './replay-guard.js';

const token = (n: number) => Uint8Array.of(n, n, n);

describe('createReplayGuard', () => {
  it('accepts a fresh timestamp once, refuses the same token again within the window', () => {
    let now = 1_800_000_000_000;
    const guard = createReplayGuard(300_000, () => now);
    expect(() => guard.check(now / 1000, token(1))).not.toThrow();
    now += 1000;
    expect(() => guard.check(now / 1000, token(1))).toThrow('authenticated request replayed: token already used');
    expect(() => guard.check(now / 1000, token(2))).not.toThrow();
  });

  it('refuses a timestamp outside the window either side, and a missing one', () => {
    const now = 1_800_000_000_000;
    const guard = createReplayGuard(300_000, () => now);
    expect(() => guard.check(now / 1000 - 301, token(1))).toThrow('authenticated request timestamp is outside the allowed window');
    expect(() => guard.check(now / 1000 + 301, token(1))).toThrow('authenticated request timestamp is outside the allowed window');
    expect(() => guard.check(0, token(1))).toThrow('authenticated request has no timestamp');
    expect(() => guard.check(now / 1000 - 299, token(1))).not.toThrow();
  });

  it('forgets a token after twice the window (any timestamp it passed with is stale by then)', () => {
    let now = 1_800_000_000_000;
    const guard = createReplayGuard(60_000, () => now);
    guard.check(now / 1000, token(7));
    now += 119_000;
    expect(() => guard.check(now / 1000, token(7))).toThrow(/replayed/);
    now += 2_000;
    expect(() => guard.check(now / 1000, token(7))).not.toThrow();
  });

  it('answers 400 in cfssl error form (an API request error)', () => {
    const guard = createReplayGuard(1000, () => 0);
    try {
      guard.check(0, token(1));
    } catch (e) {
      expect((e as { code: string; cfsslCode: number }).code).toBe('ERR_API_REQUEST');
      expect((e as { cfsslCode: number }).cfsslCode).toBe(400);
      return;
    }
    throw new Error('no error');
  });
});
