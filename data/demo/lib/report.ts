import type { MonthRanking } from './rankUnits';
import type { DemoExpected } from './selfCheck';

/** Plain-text and Markdown renderings of the expected results, for the console and the README. */

const STATUS_ZH: Record<string, string> = { met: '已达标', not_met: '未达标', no_target: '无目标', no_data: '无数据' };
const KIND_ZH: Record<string, string> = { exhibition: '展会', event: '自办活动', certification: '国际认证' };
const REASON_ZH: Record<string, string> = {
  not_above_size: '非规上', date_outside_window: '日期不在申报期内', joint_punishment: '失信联合惩戒对象', missing_declaration: '缺信用承诺',
};

export function rankingText(m: MonthRanking): string {
  const head = `${m.month}月 (time progress ${m.timeProgress}%, waiting ${m.waiting})`;
  const lines = m.rows.map((r) =>
    [String(r.rank ?? '—').padStart(2), r.unitId.padEnd(7), (r.score ?? '数据缺失').padStart(7),
      `out ${r.rates.output ?? '—'}%`.padEnd(14), `inv ${r.rates.investment ?? '—'}%`.padEnd(14),
      r.award ? `${r.award}万元` : '', r.tied ? '并列' : '', r.unitName].join('  '));
  return [head, ...lines].join('\n');
}

function rankingMarkdown(m: MonthRanking): string {
  const rows = m.rows.map((r) =>
    `| ${r.rank ?? '—'} | ${r.unitName} | ${r.unitId} | ${r.score ?? '数据缺失'} | ${r.rates.output ?? '—'} | ${r.rates.investment ?? '—'} | ${r.award || ''} |`);
  return ['| 名次 rank | 单位 unit | 代码 | 综合评分 score | 产值完成率 % | 投资完成率 % | 奖励（万元） |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}

export function renderReadme(e: DemoExpected, seed: number): string {
  const [m7, m8, m9] = e.ranking as [MonthRanking, MonthRanking, MonthRanking];
  const brief = (m: MonthRanking): string => m.rows.filter((r) => r.rank !== null).map((r) => `${r.rank}. ${r.unitName} ${r.score}`).join('，');
  const industries = e.industries.map((i) => {
    const last = i.series.at(-1)!;
    return `| ${i.nameInFile} | ${i.industryId} | ${last.growth ?? '—'}${last.computed ? '（计算值）' : ''} | ${STATUS_ZH[i.status]} |`;
  });
  const b = e.budgetExample;
  const grants = e.grants.map((g, i) =>
    `| ${g.enterpriseName} | ${KIND_ZH[g.kind]} | ${g.applicationIds.join('、')} | ${g.eligibleCostYuan} | ${g.computedWan} | ${b.grantedWan[i]} |`);
  const refused = e.applications.filter((a) => !a.eligible).map((a) => `| ${a.applicationId} | ${a.enterpriseName} | ${a.reasons.map((r) => REASON_ZH[r]).join('；')} |`);
  return `# 示例数据 · Demo data (${e.policyId})

**示例数据，非真实数据，仅供演示。** 所有数字均为虚构；企业名称均含“示例”，统一社会信用代码为随机生成（校验位有效），与任何真实企业无关。
**Sample figures, never real.** Every figure is invented; every enterprise is fictional and its credit code is random (with a valid check character).

## 文件 · Files
\`liuzhou-2026-q3/\` — CSV, UTF-8 with BOM, CRLF, as Excel saves it; a title row and a unit note row above the header row (SPEC §11 “Upload columns”).

| file | kind | what |
|---|---|---|
| unit-targets.csv | unit-targets | 12 units' Q3 targets (万元); some by alias (融水县, 三江县, 柳州高新区) |
| unit-actuals.csv | unit-actuals | months 7–9, cumulative from July (万元); 融水 8月工业投资 left blank (数据缺失 in August) |
| industry-output.csv | industry-output | 10 industries × months 1–9; a few 累计增速 blank (growth computed) |
| subsidy-applications.csv | subsidy-applications | ${e.applications.length} applications from ${new Set(e.applications.map((a) => a.creditCode)).size} enterprises (元, to the fen) |
| credit-blacklist.csv | credit-blacklist | 3 listed enterprises, one of them an applicant |
| expected.json | — | everything below, machine-readable, for tests |

## 生成 · How they were made
\`node --import tsx data/demo/generate.ts\` — deterministic (seeded PRNG, seed ${seed}, no Math.random; exact BigInt arithmetic). Month-9 completion rates and the industry growth paths are designed by hand in \`lib/units.ts\` and \`lib/industries.ts\`; July/August and month-to-month detail come from the PRNG. The generator reads its own files back, recomputes every score, status and grant independently of \`shared/\`, checks the brief's promises, then writes \`expected.json\` and this README. Do not edit the CSVs by hand; change the design and re-run. \`data/demo/demo.test.ts\` checks the committed files equal a fresh run (part of \`npm test\`).

## 9月排名（预期）· Expected ranking, September (time progress 100%)
${rankingMarkdown(m9)}

城中区 and 三江侗族自治县 publish the same score; the tie-break on output completion rate (SPEC §4) separates them — not 并列.
Awards total ${e.totals.countyAwardsWan} 万元.

- 7月 (33.3%): ${brief(m7)}
- 8月 (66.7%, ${m8.waiting} unit waiting: ${m8.rows.filter((r) => r.rank === null).map((r) => r.unitName).join('、')}): ${brief(m8)}

## 产业状态（1-9月）· Industry status at month 9
| 产业（文件中写法） | id | 9月累计增速 % | 状态 |
|---|---|---|---|
${industries.join('\n')}

## 企业补助（预期，未设预算时按计算值发放）· Expected grants (no budget set: paid as computed)
| 企业 | 类别 | 申报编号 | 合规费用（元） | 计算补助（万元） | 预算${b.totalWan}万元时 |
|---|---|---|---|---|---|
${grants.join('\n')}

Total computed: **${e.totals.subsidiesComputedWan} 万元**; with the county awards, ${e.totals.countyAwardsWan + e.totals.subsidiesComputedWan} 万元.
Budget example (SPEC §7): with a budget of ${b.totalWan} 万元, ${b.availableWan} 万元 remain after the county awards; each grant becomes ⌊computed × ${b.availableWan} ÷ ${e.totals.subsidiesComputedWan}⌋ (last column), ${b.grantedTotalWan} 万元 in all.

不符合条件 · Ineligible:
| 申报编号 | 企业 | 原因 |
|---|---|---|
${refused.join('\n')}
`;
}
