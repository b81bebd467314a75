import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { UploadKind } from '@scoreboard/shared';
import { languageOf, MESSAGE_IDS, renderMessage } from '../../server/src/ingest/messages';
import { parseUpload, plausibilityWarnings } from '../../server/src/ingest';
import { fixture, liuzhou, UPLOAD_KINDS_FOR_TEST } from './helpers';

const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
const SAMPLE = {
  file: 'f.csv', mib: 20, max: '200,000', count: 3, entry: 'xl/a.xml', method: 99, detail: 'x', format: 'xls', sheet: 'S', other: '甲', otherEn: 'A',
  title: '乙', titleEn: 'B', expected: 'number', expectedEn: '"x" (x)', headerRow: 2, missing: '丙', missingEn: '"y" (y)', rows: 20, header: 'H', first: 2,
  second: 5, what: 'unit', text: 'T', examples: 'E', code: 'C', year: 2025, policyYear: 2026, month: 8, months: '7月', monthsEn: '7, 8, 9', check: 'K',
  length: 17, name: 'N', label: 'L', labelEn: 'L', value: '1', previous: '2', fromFile: 1, next: '3', target: '4', actual: '5',
};

describe('the upload message catalog (zh + en)', () => {
  it.each(MESSAGE_IDS)('%s has Chinese words and English words', (id) => {
    const zh = renderMessage(id, SAMPLE, 'zh');
    const en = renderMessage(id, SAMPLE, 'en');
    expect(zh).toMatch(CJK);
    // English words only, apart from the Chinese a user must type (是, 示例, 万元 …) named in quotes or brackets
    expect(en.replace(/[“"(（][^”")）]*[”")）]/g, '').replace(/是|否|示例|万元|展会|自办活动|国际认证|月/g, '')).not.toMatch(CJK);
    expect(en).not.toContain('undefined');
    expect(zh).not.toContain('undefined');
  });

  it('every issue the reader makes, on every fixture and kind, names a message of the catalog', async () => {
    const ids = new Set<string>();
    const files = readdirSync(join(import.meta.dirname, '..', 'fixtures'), { withFileTypes: true })
      .filter((f) => f.isFile() && !f.name.endsWith('.ts'))
      .map((f) => f.name);
    for (const file of files) {
      for (const kind of UPLOAD_KINDS_FOR_TEST as UploadKind[]) {
        const result = await parseUpload({ kind, fileName: file, data: fixture(file), ...liuzhou });
        for (const issue of [...result.errors, ...result.warnings]) ids.add(issue.msg);
        const warnings = plausibilityWarnings({ kind, entries: result.entries, current: () => '1', policy: liuzhou.policy });
        for (const issue of warnings) ids.add(issue.msg);
      }
    }
    expect([...ids].filter((id) => !MESSAGE_IDS.includes(id))).toEqual([]);
    expect(ids.size).toBeGreaterThan(25);
  });

  it.each([
    [undefined, 'zh'], ['', 'zh'], ['zh-CN,zh;q=0.9', 'zh'], ['en', 'en'], ['en-US,en;q=0.9', 'en'], ['EN-gb', 'en'], ['fr-FR,en;q=0.5', 'zh'],
  ] as const)('Accept-Language %s → %s', (header, lang) => expect(languageOf(header)).toBe(lang));
});
