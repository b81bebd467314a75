import { describe, expect, it } from 'vitest';
import { wanInCapitals } from './capitals';

describe('万元 in capital numerals', () => {
  it('writes the award totals as on a payment table', () => {
    expect(wanInCapitals(2000)).toBe('贰仟万元整');
    expect(wanInCapitals(800)).toBe('捌佰万元整');
    expect(wanInCapitals(20000)).toBe('贰亿元整');
    expect(wanInCapitals(1850)).toBe('壹仟捌佰伍拾万元整');
  });
  it('refuses fractions of 万元', () => {
    expect(() => wanInCapitals(1.5)).toThrow(RangeError);
  });
});
