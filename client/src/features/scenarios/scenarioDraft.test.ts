import { describe, expect, it } from 'vitest';
import { decimalInput, errorsByPath, getAt, integerInput, moveItem, setAt } from './scenarioDraft';

describe('the scenario draft', () => {
  const doc = { countyAward: { indicators: [{ bonusPerPoint: 0.5 }, { bonusPerPoint: 0.5 }], awards: { tiersWan: [800, 500] } } };

  it('replaces one setting by its path and leaves the original as it was', () => {
    const next = setAt(doc, ['countyAward', 'indicators', 1, 'bonusPerPoint'], '1');
    expect(getAt(next, ['countyAward', 'indicators', 1, 'bonusPerPoint'])).toBe('1');
    expect(doc.countyAward.indicators[1]!.bonusPerPoint).toBe(0.5);
    expect(next.countyAward.indicators[0]).toBe(doc.countyAward.indicators[0]); // untouched branches are shared
    expect(Array.isArray(next.countyAward.indicators)).toBe(true);
  });

  it('keeps a decimal setting as typed, so "0.25" reaches the server exactly', () => {
    expect(decimalInput(' 0.25 ')).toBe('0.25');
    expect(decimalInput('abc')).toBe('abc'); // the server's 422 names the field
  });

  it('makes whole 万元 a number, a blank budget null, and leaves anything else for the server to refuse', () => {
    expect(integerInput('800', false)).toBe(800);
    expect(integerInput('', true)).toBeNull();
    expect(integerInput('', false)).toBe('');
    expect(integerInput('八百', false)).toBe('八百');
    expect(integerInput('12.5', true)).toBe('12.5');
  });

  it('reads the 422 details by path', () => {
    const body = { code: 'invalid_policy', details: [{ path: 'countyAward.indicators.0.bonusPerPoint', message: 'expected a decimal number such as "0.5"' }] };
    expect([...errorsByPath(body)]).toEqual([['countyAward.indicators.0.bonusPerPoint', 'expected a decimal number such as "0.5"']]);
    expect(errorsByPath(null).size).toBe(0);
  });

  it('moves a tie-breaker up or down, never off the list', () => {
    expect(moveItem(['output', 'investment', 'newfirms'], 2, -1)).toEqual(['output', 'newfirms', 'investment']);
    expect(moveItem(['output', 'investment'], 0, -1)).toEqual(['output', 'investment']);
  });
});
