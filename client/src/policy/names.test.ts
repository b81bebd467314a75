import { describe, expect, it } from 'vitest';
import type { RegistryNames } from '@scoreboard/shared';
import { translator } from '../i18n/translate';
import { industryTargetText, namesFor } from './names';

const registry: RegistryNames = {
  registryId: 'liuzhou',
  units: [{ unitId: 'LZ-LD', name: '柳东新区', shortName: '柳东', nameEn: 'Liudong New Area', shortNameEn: 'Liudong' }],
  industries: [{ industryId: 'low-altitude', name: '低空经济产业', shortName: '低空经济', nameEn: 'Low-altitude economy', shortNameEn: 'Low-altitude' }],
};

describe('unit and industry names by language (SPEC §16)', () => {
  it('Chinese alone in Chinese; the Chinese kept with the English beside it in English', () => {
    expect(namesFor(registry, 'zh-CN').unit('LZ-LD', '?')).toBe('柳东新区');
    expect(namesFor(registry, 'en').unit('LZ-LD', '?')).toBe('柳东新区 Liudong New Area');
    expect(namesFor(registry, 'en').unitParts('LZ-LD', '?')).toEqual(['柳东新区', 'Liudong New Area']);
    expect(namesFor(registry, 'en').industry('low-altitude', '?')).toBe('低空经济产业 Low-altitude economy');
  });

  it('short names for narrow places; an unknown id falls back to the name the row carries', () => {
    expect(namesFor(registry, 'zh-CN').unitShort('LZ-LD', '?')).toBe('柳东');
    expect(namesFor(registry, 'en').unitShort('LZ-LD', '?')).toBe('Liudong');
    expect(namesFor(registry, 'en').industryShortParts('low-altitude', '?')).toEqual(['低空经济', 'Low-altitude']);
    expect(namesFor(registry, 'en').unit('450999', '某县')).toBe('某县');
    expect(namesFor(undefined, 'en').unitShort('LZ-LD', '柳东新区')).toBe('柳东新区');
  });

  it('an industry target: the policy\'s own sentence in Chinese, made from the target in English', () => {
    const en = translator('en');
    const window = { from: 1, to: 9 };
    const row = { target: { kind: 'growthAtLeast' as const, pct: 30 }, targetText: '1-9月规上工业总产值同比增长30%以上' };
    expect(industryTargetText(row, window, 'zh-CN', translator('zh-CN'))).toBe('1-9月规上工业总产值同比增长30%以上');
    expect(industryTargetText(row, window, 'en', en)).toBe('Output growth of at least 30% in months 1–9');
    expect(industryTargetText({ target: { kind: 'declineNarrowing', mode: 'vsMonth', month: 6 }, targetText: '' }, window, 'en', en)).toBe('Output decline narrower than in months 1–6, months 1–9');
    expect(industryTargetText({ target: null, targetText: '' }, window, 'en', en)).toBe('No numeric target');
  });
});
