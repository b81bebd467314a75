import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { factorWords } from './budgetText';

const zh = translator('zh-CN');
const en = translator('en');

describe('the subsidy factor in words', () => {
  it('shows 41/80 as 0.5125 exactly, with its fraction', () => {
    expect(factorWords({ factor: 0.5125, factorText: '0.5125', factorFraction: '41/80' }, zh)).toBe('0.5125（41/80）');
    expect(factorWords({ factor: 0.5125, factorText: '0.5125', factorFraction: '41/80' }, en)).toBe('0.5125 (41/80)');
  });
  it('marks a factor four decimals cannot hold as approximate', () => {
    expect(factorWords({ factor: 0.729927, factorText: '0.7299', factorFraction: '100/137' }, zh)).toBe('≈0.7299（100/137）');
  });
  it('shows a whole factor plainly, and an old snapshot’s number to 4 decimals', () => {
    expect(factorWords({ factor: 1, factorText: '1.0000', factorFraction: '1' }, zh)).toBe('1.0000');
    expect(factorWords({ factor: 0.512499, factorText: null, factorFraction: null }, zh)).toBe('0.5125');
  });
});
