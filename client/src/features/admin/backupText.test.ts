import { describe, expect, it } from 'vitest';
import { translator } from '../../i18n/translate';
import { everyText, sizeText } from './backupText';

describe('the backup schedule in words', () => {
  const zh = translator('zh-CN');
  it.each([
    [86_400, '每 1 天'], [604_800, '每 7 天'], [3_600 * 24 * 1.5, '每 36 小时'], [1_800, '每 30 分钟'], [10, '每 10 秒'],
  ])('%i s → %s', (seconds, text) => {
    expect(everyText(seconds, zh)).toBe(text);
  });
  it('in English too', () => expect(everyText(86_400, translator('en'))).toBe('every 1 day(s)'));

  it.each([[null, '—'], [143_360, '140 KB'], [100, '1 KB'], [5 * 1024 * 1024 + 300_000, '5.3 MB']])('%j bytes → %s', (bytes, text) => {
    expect(sizeText(bytes)).toBe(text);
  });
});
