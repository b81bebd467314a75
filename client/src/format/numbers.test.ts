import { describe, expect, it } from 'vitest';
import { formatMoneyWan, formatNumber, formatPct, formatSignedPct, formatWan, formatYi, formatYuan } from './numbers';
import { formatChineseDate, formatDateTime } from './dates';

describe('number formats', () => {
  it('groups thousands and keeps the decimals written', () => {
    expect(formatNumber(61200)).toBe('61,200');
    expect(formatWan(6123.5)).toBe('6,123.5');
    expect(formatWan(40000)).toBe('40,000');
    expect(formatNumber(1234567.891, 2)).toBe('1,234,567.89');
    expect(formatNumber(null)).toBe('—');
  });
  it('writes completion rates as 102.00%', () => {
    expect(formatPct(102)).toBe('102.00%');
    expect(formatPct(66.7, 1)).toBe('66.7%');
    expect(formatPct(1234.5)).toBe('1,234.50%');
    expect(formatSignedPct(8.5)).toBe('+8.50%');
    expect(formatSignedPct(-3)).toBe('-3.00%');
    expect(formatSignedPct(0)).toBe('0.00%');
  });
  it('rounds half up from the decimal written, not the binary float', () => {
    // 1.005 is 1.00499999999999989… as a double; toFixed(2) would give "1.00"
    expect(formatPct(1.005)).toBe('1.01%');
  });
  it('converts 万元 to 亿元', () => {
    expect(formatYi(20000)).toBe('2.00亿元');
    expect(formatYi(2000)).toBe('0.20亿元');
    expect(formatMoneyWan(2000)).toBe('2,000万元');
    expect(formatMoneyWan(123456)).toBe('12.35亿元');
    // English: millions of yuan, exactly (1 万元 = 10,000 yuan)
    expect(formatMoneyWan(2000, 'en')).toBe('20.00 million yuan');
    expect(formatMoneyWan(150, 'en')).toBe('1.50 million yuan');
    expect(formatMoneyWan(123456, 'en')).toBe('1,234.56 million yuan');
  });
  it('groups yuan strings', () => {
    expect(formatYuan('237000.00')).toBe('237,000.00');
    expect(formatYuan('19999.99')).toBe('19,999.99');
  });
});

describe('dates in China Standard Time', () => {
  it('shows UTC instants on the Beijing clock', () => {
    expect(formatDateTime('2026-08-15T06:03:00Z')).toBe('2026-08-15 14:03');
    expect(formatChineseDate('2026-09-29T16:30:00Z')).toBe('2026年9月30日');
    expect(formatDateTime(null)).toBe('—');
  });
});
