// Go crypto/elliptic Curve.ScalarBaseMult for the a = -3 NIST curves: the public point of a private scalar
// (SEC 1 v2 §3.2.1, Q = dG), in Jacobian coordinates with a Montgomery ladder (one add and one double per bit).
import type { CurveParameters } from './named-curves.js';

type Jacobian = readonly [x: bigint, y: bigint, z: bigint];

const INFINITY: Jacobian = [1n, 1n, 0n];

function mod(a: bigint, p: bigint): bigint {
  const r = a % p;
  return r < 0n ? r + p : r;
}

function modPow(base: bigint, exponent: bigint, p: bigint): bigint {
  let result = 1n;
  let b = mod(base, p);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % p;
    b = (b * b) % p;
  }
  return result;
}

// dbl-2001-b (a = -3).
function double([x, y, z]: Jacobian, p: bigint): Jacobian {
  if (z === 0n || y === 0n) return INFINITY;
  const delta = (z * z) % p;
  const gamma = (y * y) % p;
  const beta = (x * gamma) % p;
  const alpha = mod(3n * (x - delta) * (x + delta), p);
  const x3 = mod(alpha * alpha - 8n * beta, p);
  const z3 = mod((y + z) * (y + z) - gamma - delta, p);
  const y3 = mod(alpha * (4n * beta - x3) - 8n * gamma * gamma, p);
  return [x3, y3, z3];
}

// add-2007-bl.
function add(a: Jacobian, b: Jacobian, p: bigint): Jacobian {
  if (a[2] === 0n) return b;
  if (b[2] === 0n) return a;
  const [x1, y1, z1] = a;
  const [x2, y2, z2] = b;
  const z1z1 = (z1 * z1) % p;
  const z2z2 = (z2 * z2) % p;
  const u1 = (x1 * z2z2) % p;
  const u2 = (x2 * z1z1) % p;
  const s1 = (((y1 * z2) % p) * z2z2) % p;
  const s2 = (((y2 * z1) % p) * z1z1) % p;
  const h = mod(u2 - u1, p);
  const r = mod(2n * (s2 - s1), p);
  if (h === 0n) return r === 0n ? double(a, p) : INFINITY;
  const i = (4n * h * h) % p;
  const j = (h * i) % p;
  const v = (u1 * i) % p;
  const x3 = mod(r * r - j - 2n * v, p);
  const y3 = mod(r * (v - x3) - 2n * s1 * j, p);
  const z3 = mod(((z1 + z2) * (z1 + z2) - z1z1 - z2z2) * h, p);
  return [x3, y3, z3];
}

/** The affine public point dG of the private scalar `d` (1 ≤ d < n, as Go's parseECPrivateKey checks). */
export function ecScalarBaseMult(curve: CurveParameters, d: bigint): { x: bigint; y: bigint } {
  const { p } = curve;
  let r0: Jacobian = INFINITY;
  let r1: Jacobian = [curve.gx, curve.gy, 1n];
  for (let bit = BigInt(curve.bits) - 1n; bit >= 0n; bit--) {
    if ((d >> bit) & 1n) {
      r0 = add(r0, r1, p);
      r1 = double(r1, p);
    } else {
      r1 = add(r0, r1, p);
      r0 = double(r0, p);
    }
  }
  if (r0[2] === 0n) throw new RangeError('private scalar is a multiple of the curve order');
  const zInverse = modPow(r0[2], p - 2n, p);
  const z2 = (zInverse * zInverse) % p;
  return { x: (r0[0] * z2) % p, y: (((r0[1] * z2) % p) * zInverse) % p };
}
