import { describe, expect, it } from 'vitest';
import { toDecimalString } from '@scoreboard/shared';
import { parseBoolean, parseDate, parseMonth, parseNumber } from '../../server/src/ingest/cells';
import { splitHeader } from '../../server/src/ingest/headers';
import type { RawCell } from '../../server/src/ingest/sheet';

const text = (t: string): RawCell => ({ kind: 'text', text: t });
const num = (value: number, percent = false): RawCell => ({ kind: 'number', value, percent });
const number = (cell: RawCell, percent = false) => {
  const parsed = parseNumber(cell, percent);
  return parsed.ok ? toDecimalString(parsed.value, 12) : null;
};

describe('numbers as people type them', () => {
  it.each([
    ['61200', '61200'],
    ['61,200.5', '61200.5'],
    ['１２，３４５．６７', '12345.67'],
    [' 1 234 ', '1234'],
    ['-3.5', '-3.5'],
    ['－3.5', '-3.5'],
    ['+7', '7'],
    ['.5', '0.5'],
    ['12.', '12'],
  ])('%s → %s', (input, expected) => expect(number(text(input))).toBe(expected));

  it.each(['abc', '1,23', '1.2.3', '12%', '一万', '', '1e5'])('%s is not a number', (input) => expect(number(text(input))).toBeNull());

  it('takes a % sign only in a percentage column', () => {
    expect(number(text('12.5%'), true)).toBe('12.5');
    expect(number(text('-3.2％'), true)).toBe('-3.2');
  });

  it('reads a number cell as the decimal Excel shows (15 significant digits)', () => {
    expect(number(num(0.1 + 0.2))).toBe('0.3');
    expect(number(num(61200))).toBe('61200');
    expect(number(num(1.02))).toBe('1.02');
  });

  it('reads a percent-formatted cell in a percentage column as the percentage shown', () => {
    expect(number(num(0.117, true), true)).toBe('11.7');
    expect(number(num(0.07, true), true)).toBe('7');
  });
});

describe('months', () => {
  const month = (cell: RawCell) => {
    const parsed = parseMonth(cell);
    return parsed.ok ? parsed.value : null;
  };
  it.each([
    [num(7), { month: 7, year: null }],
    [text('8月'), { month: 8, year: null }],
    [text('08'), { month: 8, year: null }],
    [text('2026-08'), { month: 8, year: 2026 }],
    [text('2026年8月'), { month: 8, year: 2026 }],
    [text('2026.8'), { month: 8, year: 2026 }],
    [text('1-8月'), { month: 8, year: null }],
    [text('7～9月'), { month: 9, year: null }],
    [text('2026年1-8月'), { month: 8, year: 2026 }],
    [text('截至8月'), { month: 8, year: null }],
    [text('Aug'), { month: 8, year: null }],
    [num(202609), { month: 9, year: 2026 }],
    [{ kind: 'date', date: new Date(Date.UTC(2026, 6, 1)) } as RawCell, { month: 7, year: 2026 }],
  ])('%o → %o', (cell, expected) => expect(month(cell)).toEqual(expected));

  it.each([text('13月'), text('8-1月'), text('八月'), num(8.5), num(0)])('%o is not a month', (cell) => expect(month(cell)).toBeNull());
});

describe('dates', () => {
  const date = (cell: RawCell) => {
    const parsed = parseDate(cell);
    return parsed.ok ? parsed.value : null;
  };
  it.each([
    [text('2026-08-01'), '2026-08-01'],
    [text('2026/8/1'), '2026-08-01'],
    [text('2026.8.1'), '2026-08-01'],
    [text('2026年8月1日'), '2026-08-01'],
    [text('20260801'), '2026-08-01'],
    [text('2026/8/1 0:00:00'), '2026-08-01'],
    [num(46235), '2026-08-01'], // an Excel serial number
    [{ kind: 'date', date: new Date(Date.UTC(2026, 7, 1)) } as RawCell, '2026-08-01'],
  ])('%o → %s', (cell, expected) => expect(date(cell)).toBe(expected));

  it.each([text('2026-02-30'), text('2026-13-01'), text('下个月'), text('8/1/2026'), num(-5)])('%o is not a date', (cell) => expect(date(cell)).toBeNull());
});

describe('yes and no', () => {
  it.each(['是', 'Y', 'yes', 'TRUE', '1', '√', '✓'])('%s is yes', (t) => expect(parseBoolean(text(t))).toEqual({ ok: true, value: true }));
  it.each(['否', 'n', 'No', 'false', '0', '×', '✗'])('%s is no', (t) => expect(parseBoolean(text(t))).toEqual({ ok: true, value: false }));
  it('anything else is an error', () => expect(parseBoolean(text('也许')).ok).toBe(false));
});

describe('headers with units', () => {
  it.each([
    ['产值（亿元）', ['产值'], 'yi'],
    ['产值(万元)', ['产值'], 'wan'],
    ['Output (万元)', ['output'], 'wan'],
    ['累计增速（%）', ['累计增速'], 'pct'],
    ['增速%', ['增速'], 'pct'],
    ['申报费用/元', ['申报费用'], 'yuan'],
    ['县（区）', ['县区', '县'], null],
    ['规上工业\n总产值', ['规上工业总产值'], null],
  ])('%s', (header, names, unit) => expect(splitHeader(header)).toEqual({ names, unit }));
});
