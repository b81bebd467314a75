import { describe, expect, it } from 'vitest';
import { amountInCapitals, creditCodeCheckChar, fenToYuan, isValidCreditCode, yuanToFen } from '../src';

describe('money', () => {
  it('converts yuan to the fen exactly and refuses a third decimal', () => {
    expect(yuanToFen('237000.00')).toBe(23_700_000);
    expect(yuanToFen('19999.99')).toBe(1_999_999);
    expect(yuanToFen('0.1')).toBe(10);
    expect(fenToYuan(1_999_999)).toBe('19999.99');
    expect(() => yuanToFen('1.005')).toThrow();
  });

  it('writes amounts in Chinese capital numerals as award tables print them', () => {
    expect(amountInCapitals(2000 * 1_000_000)).toBe('贰仟万元整'); // 2,000 万元
    expect(amountInCapitals(20_000_000_000)).toBe('贰亿元整');
    expect(amountInCapitals(123_456_789)).toBe('壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分');
    expect(amountInCapitals(100_050_000_000)).toBe('壹拾亿零伍拾万元整');
    expect(amountInCapitals(1_001_00)).toBe('壹仟零壹元整');
    expect(amountInCapitals(0)).toBe('零元整');
    expect(amountInCapitals(5)).toBe('伍分');
    expect(amountInCapitals(100_05)).toBe('壹佰元零伍分');
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes with the right check character and refuses a wrong one', () => {
    // 91350100M000100Y43 is the standard's published example
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100I000100Y43')).toBe(false); // I is not in the character set
  });
});
