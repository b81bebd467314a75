import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, floor, mul, parseDecimal, rat, roundHalfUp, toFixed, type Rational } from '../src';

/**
 * The fast paths of rational.ts (gcd in doubles below 2^53, roundHalfUp and toFixed as one integer
 * division, the parse cache) must give exactly what the plain definitions give.
 */
function gcdReference(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
function roundHalfUpReference(a: Rational, decimals: number): Rational {
  const scale = 10n ** BigInt(decimals);
  const scaled = mul(a, rat(scale));
  const neg = scaled.n < 0n;
  const abs = rat(neg ? -scaled.n : scaled.n, scaled.d);
  const rounded = floor(add(abs, rat(1n, 2n)));
  return rat(neg ? -rounded : rounded, scale);
}
function toFixedReference(a: Rational, decimals: number): string {
  const r = roundHalfUpReference(a, decimals);
  const scale = 10n ** BigInt(decimals);
  const scaled = (r.n * scale) / r.d;
  const neg = scaled < 0n;
  const digits = (neg ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return (neg ? '-' : '') + whole + (decimals > 0 ? '.' + frac : '');
}

const big = fc.oneof(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.bigInt({ min: -1000n, max: 1000n }));
const positive = fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 2n ** 54n }), fc.bigInt({ min: 1n, max: 1000n }));

describe('rational fast paths', () => {
  it('reduce to the same lowest terms as Euclid in BigInt, on both sides of 2^53', () => {
    fc.assert(
      fc.property(big, positive, (n, d) => {
        const g = gcdReference(n, d);
        expect(rat(n, d)).toEqual({ n: n / g, d: d / g });
      }),
      { numRuns: 2000 },
    );
  });

  it('round half up and format exactly as the plain definitions do', () => {
    fc.assert(
      fc.property(big, positive, fc.integer({ min: 0, max: 6 }), (n, d, decimals) => {
        const a = rat(n, d);
        expect(roundHalfUp(a, decimals)).toEqual(roundHalfUpReference(a, decimals));
        expect(toFixed(a, decimals)).toBe(toFixedReference(a, decimals));
      }),
      { numRuns: 2000 },
    );
    expect([toFixed(parseDecimal('99.005'), 2), toFixed(parseDecimal('-0.004'), 2), toFixed(parseDecimal('-0.005'), 2)]).toEqual(['99.01', '0.00', '-0.01']);
  });

  it('a cached parse is the same value every time', () => {
    expect(parseDecimal('1.02')).toEqual(rat(51n, 50n));
    expect(parseDecimal('1.02')).toEqual(rat(51n, 50n));
  });
});
