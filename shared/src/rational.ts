/**
 * Exact rational arithmetic over BigInt.
 *
 * Scores, completion rates and money must not pass through binary floats: 0.1 + 0.2 is not 0.3 in a
 * double, and a score whose exact value ends in 5 at the third decimal must round up. Every figure
 * enters as a decimal string (or an integer) and is compared, added and divided exactly; rounding
 * happens once, at the call site the policy names.
 */
export interface Rational {
  readonly n: bigint; // numerator, carries the sign
  readonly d: bigint; // denominator, always > 0
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  // Below 2^53 doubles hold integers exactly and % on them is exact: the same gcd, without a
  // BigInt allocation per step (a ranking of 2,844 units does this hundreds of thousands of times).
  if (x <= SAFE && y <= SAFE) {
    let p = Number(x);
    let q = Number(y);
    while (q !== 0) [p, q] = [q, p % q];
    return BigInt(p);
  }
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rat(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 1n) return { n: nn, d: dd }; // already lowest terms: no gcd (most scores and sums)
  if (dd === 0n) throw new RangeError('division by zero');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd);
  return g > 1n ? { n: nn / g, d: dd / g } : { n: nn, d: dd };
}

export const ZERO = rat(0n);
export const ONE = rat(1n);
export const HUNDRED = rat(100n);

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

// Parsed decimals by their text. A ranking of 2,844 units reads the same figure strings and policy
// settings again and again (every scenario of the stability view ranks the same figures); a
// Rational is immutable, so one parse can be shared. Bounded: cleared when full.
const parsed = new Map<string, Rational>();
const PARSED_MAX = 50_000; // ≈ every figure of 2,844 units × 3 indicators × 3 months, a few MiB at most

/** Parses "61200", "-3.5", "1.02" exactly. Throws on anything else. */
export function parseDecimal(text: string): Rational {
  const hit = parsed.get(text);
  if (hit) return hit;
  const m = DECIMAL.exec(text.trim());
  if (!m) throw new SyntaxError(`not a decimal number: ${JSON.stringify(text)}`);
  const [, sign, whole, frac = ''] = m;
  const n = BigInt(whole! + frac) * (sign === '-' ? -1n : 1n);
  const value = rat(n, 10n ** BigInt(frac.length));
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(text, value);
  return value;
}

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text.trim());
}

/**
 * A JS number from a policy file or JSON body, read as the decimal it was written as:
 * String(0.3) is "0.3", so the exact value is 3/10, not the double nearest to it.
 */
export function fromNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  if (Number.isInteger(value)) return rat(BigInt(value));
  const text = String(value);
  if (/e/i.test(text)) {
    // 1e-7 and the like: expand the exponent exactly
    const [mant, exp] = text.toLowerCase().split('e') as [string, string];
    const base = parseDecimal(mant);
    const e = Number(exp);
    return e >= 0 ? mul(base, rat(10n ** BigInt(e))) : div(base, rat(10n ** BigInt(-e)));
  }
  return parseDecimal(text);
}

export function toRational(value: Rational | string | number | bigint): Rational {
  if (typeof value === 'string') return parseDecimal(value);
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'bigint') return rat(value);
  return value;
}

export const add = (a: Rational, b: Rational): Rational => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational): Rational => rat(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational): Rational => rat(a.n * b.n, a.d * b.d);
export function div(a: Rational, b: Rational): Rational {
  if (b.n === 0n) throw new RangeError('division by zero');
  return rat(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1, like a comparator. */
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}
export const eq = (a: Rational, b: Rational): boolean => cmp(a, b) === 0;
export const lt = (a: Rational, b: Rational): boolean => cmp(a, b) < 0;
export const gte = (a: Rational, b: Rational): boolean => cmp(a, b) >= 0;
export const min = (a: Rational, b: Rational): Rational => (cmp(a, b) <= 0 ? a : b);
export const max = (a: Rational, b: Rational): Rational => (cmp(a, b) >= 0 ? a : b);
export const sum = (xs: readonly Rational[]): Rational => xs.reduce(add, ZERO);

/** Largest integer ≤ a. */
export function floor(a: Rational): bigint {
  const q = a.n / a.d; // truncates toward zero
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/**
 * Rounds half away from zero ("四舍五入", what Chinese assessment rules mean by half-up) to
 * `decimals` places and returns the exact result as a rational.
 */
export function roundHalfUp(a: Rational, decimals: number): Rational {
  const scale = 10n ** BigInt(decimals);
  // |a| × scale = N ÷ d; rounded = ⌊N ÷ d + ½⌋ = ⌊(2N + d) ÷ 2d⌋, in integers (no gcd on the way)
  const neg = a.n < 0n;
  const n = (neg ? -a.n : a.n) * scale;
  const rounded = (2n * n + a.d) / (2n * a.d);
  return rat(neg ? -rounded : rounded, scale);
}

/** Exact decimal text with exactly `decimals` places; the value must already be rounded to them. */
export function toFixed(a: Rational, decimals: number): string {
  // roundHalfUp(a, decimals) × 10^decimals, as one integer division (an API answer formats tens of
  // thousands of these)
  const scale = 10n ** BigInt(decimals);
  const negative = a.n < 0n;
  const abs = (2n * (negative ? -a.n : a.n) * scale + a.d) / (2n * a.d);
  const neg = negative && abs !== 0n;
  const digits = abs.toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return (neg ? '-' : '') + whole + (decimals > 0 ? '.' + frac : '');
}

/**
 * Shortest exact decimal text of a rational that has a finite decimal expansion ("10200", "1.5");
 * other values are rounded half-up to `maxDecimals` places.
 */
export function toDecimalString(a: Rational, maxDecimals = 6): string {
  const text = toFixed(a, maxDecimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** For JSON responses: the value rounded half-up to `decimals` places, as a number. */
export function toNumber(a: Rational, decimals = 6): number {
  return Number(toFixed(a, decimals));
}

/** Smallest integer ≥ a. */
export function ceil(a: Rational): bigint {
  return -floor(rat(-a.n, a.d));
}

/** The exact value as a fraction in lowest terms: "41/80", "-3/2", or "5" for a whole number. */
export function toFraction(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/** Whether the value has a decimal expansion of at most `decimals` places (41/80 → 4 places: yes). */
export function isExactAt(a: Rational, decimals: number): boolean {
  return (a.n * 10n ** BigInt(decimals)) % a.d === 0n;
}
