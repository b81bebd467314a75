import { createPrng } from './prng';
import { toExcelCsv } from './csv';
import { parseCsv } from './csv';
import { ENTERPRISES, creditBlacklistRows, creditCodes } from './subsidies';
import { TITLE_PREFIX } from './files';

/**
 * Demo data (示例数据) for the example Q4 draft, data/policies/liuzhou-2026-q4.json: three
 * indicators (产值 and 投资 by completion, 新增规上工业企业数 by rankPoints), 40/40/20 points, six tiers
 * and a 100-point payment line. The figures are designed so every number of the November ranking
 * can be worked by hand (data/demo/liuzhou-2026-q4/README.md and tests/api/q4Policy.test.ts):
 * each target is a multiple of 300 万元, so two thirds of it (序时进度 at November) is whole, and
 * each actual is that pro-rated target × a whole-percent completion rate.
 */
export const Q4_POLICY_ID = 'liuzhou-2026-q4';

export interface Q4UnitDesign {
  unit: string; // as written in the file
  unitId: string;
  target: { output: number; investment: number; newfirms: number };
  /** completion rates (%) of the pro-rated money targets, and cumulative new firms, by month */
  october: { output: number; investment: number; newfirms: number };
  november: { output: number; investment: number; newfirms: number };
}

export const Q4_UNITS: readonly Q4UnitDesign[] = [
  { unit: '柳东新区', unitId: 'LZ-LD', target: { output: 4_200_000, investment: 624_000, newfirms: 4 }, october: { output: 104, investment: 102, newfirms: 3 }, november: { output: 110, investment: 106, newfirms: 6 } },
  { unit: '柳江区', unitId: '450206', target: { output: 1_914_000, investment: 380_100, newfirms: 4 }, october: { output: 109, investment: 107, newfirms: 2 }, november: { output: 108, investment: 108, newfirms: 5 } },
  { unit: '鹿寨县', unitId: '450223', target: { output: 762_000, investment: 187_200, newfirms: 5 }, october: { output: 101, investment: 100, newfirms: 3 }, november: { output: 106, investment: 104, newfirms: 6 } },
  { unit: '柳南区', unitId: '450204', target: { output: 3_834_000, investment: 475_200, newfirms: 4 }, october: { output: 103, investment: 104, newfirms: 2 }, november: { output: 106, investment: 106, newfirms: 4 } },
  { unit: '融安县', unitId: '450224', target: { output: 352_800, investment: 64_200, newfirms: 3 }, october: { output: 100, investment: 99, newfirms: 1 }, november: { output: 106, investment: 106, newfirms: 3 } },
  { unit: '阳和工业新区', unitId: 'LZ-BB', target: { output: 1_268_400, investment: 320_700, newfirms: 5 }, october: { output: 106, investment: 101, newfirms: 2 }, november: { output: 104, investment: 100, newfirms: 4 } },
  { unit: '柳北区', unitId: '450205', target: { output: 3_484_200, investment: 438_900, newfirms: 4 }, october: { output: 99, investment: 97, newfirms: 1 }, november: { output: 100, investment: 98, newfirms: 3 } },
  { unit: '城中区', unitId: '450202', target: { output: 643_200, investment: 90_900, newfirms: 3 }, october: { output: 98, investment: 100, newfirms: 1 }, november: { output: 97, investment: 99, newfirms: 2 } },
  { unit: '鱼峰区', unitId: '450203', target: { output: 1_560_000, investment: 249_900, newfirms: 5 }, october: { output: 96, investment: 95, newfirms: 1 }, november: { output: 95, investment: 96, newfirms: 3 } },
  { unit: '三江县', unitId: '450226', target: { output: 315_000, investment: 54_600, newfirms: 4 }, october: { output: 94, investment: 92, newfirms: 1 }, november: { output: 92, investment: 90, newfirms: 2 } },
  { unit: '柳城县', unitId: '450222', target: { output: 491_700, investment: 131_700, newfirms: 5 }, october: { output: 90, investment: 88, newfirms: 1 }, november: { output: 88, investment: 85, newfirms: 2 } },
  { unit: '融水县', unitId: '450225', target: { output: 317_100, investment: 59_700, newfirms: 3 }, october: { output: 80, investment: 70, newfirms: 0 }, november: { output: 70, investment: 55, newfirms: 0 } },
];

/** target × months passed ÷ 3 × rate ÷ 100, exactly: targets are multiples of 300, rates whole. */
function actual(target: number, monthsPassed: 1 | 2, ratePct: number): string {
  const scaled = (target / 3) * monthsPassed * ratePct; // an integer: target/3 is a multiple of 100
  const whole = Math.floor(scaled / 100);
  const cents = scaled % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** Reported cumulative growth (%) of the ten industries for October and November. */
const INDUSTRY_GROWTH: readonly [string, string, string][] = [
  ['人工智能终端及机器人产业', '34.2', '33.9'],
  ['智能网联及新能源汽车产业', '7.7', '8.1'],
  ['钢铁及关键金属新材料', '-4.8', '-4.1'],
  ['高端装备制造', '12.0', '12.1'],
  ['低空经济', '24.9', '24.4'],
  ['新能源产业', '18.5', '18.8'],
  ['绿色食品加工产业', '6.1', '6.1'],
  ['绿色化工', '4.3', '4.5'],
  ['林产加工及纸业产业', '-4.0', '-3.5'],
  ['其他重点产业', '10.7', '10.9'],
];

/** A few claims dated in the Q4 claim window, by enterprises of the Q3 demo (same credit codes). */
const Q4_APPLICATIONS: readonly [string, string, string, string, string, string, string, string][] = [
  // id, enterprise key, kind, item, date, cost, cert, declaration
  ['SQ2026Q4-001', 'E01', '展会', '2026年中国国际进口博览会', '2026-11-05', '160000.00', '', '是'],
  ['SQ2026Q4-002', 'E01', '展会', '2026年广交会（秋季）', '2026-10-15', '90000.00', '', '是'], // perEvent: 8 + 4
  ['SQ2026Q4-003', 'E06', '自办活动', '2026年冬季新品发布会', '2026-11-18', '128000.00', '', '是'],
  ['SQ2026Q4-004', 'E08', '国际认证', '欧盟CE认证（协作机器人）', '2026-10-28', '46000.00', 'CE', '是'],
  ['SQ2026Q4-005', 'E09', '展会', '2026年珠海航展', '2026-11-12', '200000.00', '', '是'], // not 规上
  ['SQ2026Q4-006', 'E02', '展会', '2026年上海国际汽车零部件展（秋季）', '2026-09-20', '120000.00', '', '是'], // before the window
  ['SQ2026Q4-007', 'E11', '展会', '2026年中国—东盟博览会（秋季）', '2026-10-20', '80000.00', '', '是'], // joint punishment
  ['SQ2026Q4-008', 'E07', '自办活动', '2026年经销商大会', '2026-11-26', '350000.00', '', '是'], // → 15 (cap)
];

const title = (text: string) => [TITLE_PREFIX + text];

/** The five CSV files for liuzhou-2026-q4, by file name. Pure and deterministic. */
export function buildQ4DemoFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('unit-targets.csv', toExcelCsv([
    title('2026年四季度各县区（新区）工业稳增长任务目标（示例规则）'),
    ['单位：万元；新增规上工业企业数：个'],
    ['单位', '规上工业总产值目标（万元）', '工业投资目标（万元）', '新增规上工业企业数目标（个）'],
    ...Q4_UNITS.map((u) => [u.unit, String(u.target.output), String(u.target.investment), String(u.target.newfirms)]),
  ]));
  const actualRows = (month: 10 | 11) => Q4_UNITS.map((u) => {
    const m = month === 10 ? u.october : u.november;
    const passed = month === 10 ? 1 : 2;
    return [u.unit, String(month), actual(u.target.output, passed, m.output), actual(u.target.investment, passed, m.investment), String(m.newfirms)];
  });
  files.set('unit-actuals.csv', toExcelCsv([
    title('2026年10—11月各县区（新区）完成情况（自10月起累计）'),
    ['单位：万元；新增规上工业企业数：个'],
    ['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）', '新增规上工业企业数（个）'],
    ...actualRows(10),
    ...actualRows(11),
  ]));
  files.set('industry-output.csv', toExcelCsv([
    title('2026年10—11月重点产业规上工业总产值累计增速'),
    ['单位：%'],
    ['产业', '月份', '累计增速（%）'],
    ...INDUSTRY_GROWTH.flatMap(([name, oct, nov]) => [[name, '10', oct], [name, '11', nov]]),
  ]));
  const codes = creditCodes(createPrng(20260930 + 3)); // the Q3 demo's codes: the same enterprises
  const nameOf = (key: string) => ENTERPRISES.find((e) => e.key === key)!;
  files.set('subsidy-applications.csv', toExcelCsv([
    title('2026年四季度企业开拓市场激励资金申报汇总（企业名称均为虚构）'),
    ['单位：元'],
    ['申报编号', '企业名称', '统一社会信用代码', '是否规上', '类别', '项目名称', '日期', '申报费用（元）', '认证类型', '信用承诺'],
    ...Q4_APPLICATIONS.map(([id, key, kind, item, date, cost, cert, decl]) => {
      const e = nameOf(key);
      return [id, e.name, codes.get(key)!, e.aboveSize, kind, item, date, cost, cert, decl];
    }),
  ]));
  files.set('credit-blacklist.csv', toExcelCsv([
    title('失信联合惩戒对象名单（企业名称均为虚构）'),
    ['说明：名单内企业不得申报激励资金'],
    ['统一社会信用代码', '企业名称', '列入日期'],
    ...creditBlacklistRows(codes),
  ]));
  // Read every file back once: a design slip (a stray comma) shows here, not in a statistician's preview.
  for (const [name, text] of files) if (parseCsv(text).length < 4) throw new Error(`${name}: no data rows`);
  return files;
}
