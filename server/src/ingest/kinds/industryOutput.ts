import { cmp, industryKey, INDUSTRY_FIELDS, rat, type IndustryField } from '@scoreboard/shared';
import type { ColumnSpec } from '../columns';
import { decimalText } from '../entries';
import { cumulativeWarnings, decimal, readFigure, readMonth, readNamed, valueLookup, warningAt } from '../figures';
import { industryResolver } from '../lookup';
import type { KindModule } from './kind';
import type { Issue } from '../messages';
import { monthColumn } from './unitActuals';

/**
 * `industry-output`: per key industry and month, cumulative output this year and last, and the
 * reported cumulative growth rate (SPEC §5, §11). Months run 1–12: the figures are cumulative from
 * January, whatever the policy's period.
 */
const FIELD_NAMES: Record<IndustryField, string> = { output: '本年累计产值', outputLastYear: '上年同期累计产值', growth: '累计增速' };
const FIELD_NAMES_EN: Record<IndustryField, string> = { output: 'output this year', outputLastYear: 'output last year', growth: 'cumulative growth' };
const YEAR = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const HUNDRED = rat(100n);
const MINUS_HUNDRED = rat(-100n);

const COLUMNS: readonly ColumnSpec[] = [
  { field: 'industry', header: '产业', english: 'industry', type: 'industry', required: true,
    synonyms: ['产业', '产业名称', '行业', '行业名称', '重点产业', '产业链', '重点产业名称', 'industry', 'industryname'],
    help: '重点产业名称或简称，如“人工智能终端及机器人产业”“新能源汽车”' },
  monthColumn('截至月份 1–12，如 8、8月、1-8月、2026-08'),
  { field: 'output', header: '本年累计（万元）', english: 'output', type: 'wan', required: false,
    synonyms: ['本年累计', '本年累计产值', '本期累计', '本年', '累计产值', '本年累计总产值', '产值', '总产值', '规上工业总产值', '规上工业总产值本年累计', '累计', '规上工业总产值累计', '产值累计', 'output', 'outputthisyear'],
    help: '今年1月起的累计规上工业总产值，万元' },
  { field: 'outputLastYear', header: '上年同期累计（万元）', english: 'outputLastYear', type: 'wan', required: false,
    synonyms: ['上年同期累计', '上年同期', '去年同期', '上年同期累计产值', '上年同期产值', '上年累计', '同期累计', 'outputlastyear', 'lastyear', 'lastyearoutput'],
    help: '上年同期累计产值，万元（选填）' },
  { field: 'growth', header: '累计增速（%）', english: 'growth', type: 'pct', required: false,
    synonyms: ['累计增速', '增速', '同比增长', '累计同比增长', '同比增速', '累计同比增速', '增长率', '累计增长', '同比', '累计增长率', 'growth', 'growthrate', 'yoy', 'yoygrowth'],
    help: '统计部门公布的累计同比增速（可比口径），百分数，如 12.5 或 -3.2；为空时按产值计算' },
];

export const industryOutput: KindModule = {
  kind: 'industry-output',
  idField: 'industry',
  spec: () => ({ kind: 'industry-output', title: '重点产业产值', titleEn: 'Key industry output', columns: COLUMNS, requiredGroups: [['industry'], ['month'], ['output', 'outputLastYear', 'growth']] }),

  reader({ policy, registry, sink }) {
    const resolver = industryResolver(registry);
    return (scope, columns) => {
      const idColumn = columns.get('industry');
      const named = readNamed(scope, idColumn, resolver, 'industry');
      const month = readMonth(scope, columns.get('month'), policy, false);
      for (const field of INDUSTRY_FIELDS) {
        const column = columns.get(field);
        if (!column) continue;
        const value = readFigure(scope, column);
        if (value === null || !named || month === null) continue;
        sink.add(scope, idColumn, {
          key: industryKey(named.id, month, field), value: decimalText(value), label: `${named.name} · ${month}月 · ${FIELD_NAMES[field]}`, labelEn: `${named.nameEn} · month ${month} · ${FIELD_NAMES_EN[field]}`,
          column: column.header, industryId: named.id, month, field,
        });
      }
    };
  },

  plausibility({ entries, current }) {
    const valueOf = valueLookup(entries, current);
    const warnings: Issue[] = [];
    for (const entry of entries) {
      const value = decimal(entry.value);
      if (!value || entry.industryId === undefined || entry.month === undefined || entry.field === undefined) continue;
      const { industryId, field } = entry;
      if (field === 'growth') {
        if (cmp(value, HUNDRED) > 0 || cmp(value, MINUS_HUNDRED) < 0) {
          warnings.push(warningAt(entry, 'growth_out_of_range', undefined));
        }
      } else {
        warnings.push(...cumulativeWarnings({ entry, value, month: entry.month, months: YEAR, keyOf: (m) => industryKey(industryId, m, field), valueOf }));
      }
    }
    return warnings;
  },

  template: {
    example: (policy, registry) => [registry.industries[0]!.name, policy.period.months[1] ?? policy.period.months[0]!, 123456.7, 100000, 23.46],
    notes: () => ['本年累计、上年同期累计为 1 月起的累计产值，单位万元；累计增速为统计部门公布的可比口径增速（%）。', '累计增速留空时，系统按“本年累计 ÷ 上年同期累计 − 1”计算，并标注“非可比口径”。'],
    months: 'year',
  },
};
