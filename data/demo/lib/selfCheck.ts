import { cmp, sub, toRational, type Policy, type Registry } from '@scoreboard/shared';
import { isValidCreditCode } from './creditCode';
import { parseCsv, readTable } from './csv';
import { DEMO_FILES, TITLE_PREFIX, type DemoFileSpec } from './files';
import { checkApplications, expectedGrants, scaledGrants, type CheckedApplication, type ExpectedGrant } from './grants';
import { INDUSTRY_DESIGN } from './industries';
import { industryResults, type IndustryResult } from './industryStatus';
import { figuresFromRecords, rankMonth, unitResolver, type MonthRanking } from './rankUnits';
import { ENTERPRISES } from './subsidies';

/** What the product must show for the demo data: written to expected.json and the README. */
export interface DemoExpected {
  policyId: string;
  note: string;
  ranking: MonthRanking[];
  industries: IndustryResult[];
  applications: CheckedApplication[];
  grants: ExpectedGrant[];
  totals: { countyAwardsWan: number; subsidiesComputedWan: number };
  /** If an admin sets this budget, grants scale down (SPEC §7); per grant, in the order of `grants`. */
  budgetExample: { totalWan: number; availableWan: number; factor: string; grantedWan: number[]; grantedTotalWan: number };
}

/** A budget that leaves 100 万元 for subsidies after the 2,000 万元 of county awards. */
const EXAMPLE_BUDGET_WAN = 2100;

/**
 * Reads the generated files back as the server would meet them (BOM, title rows, CRLF), recomputes
 * every figure a user would check, and throws with every broken promise of the brief at once.
 */
export function selfCheck(files: Map<string, string>, policy: Policy, registry: Registry): DemoExpected {
  const failures: string[] = [];
  const expect = (ok: boolean, message: string): void => {
    if (!ok) failures.push(message);
  };
  const table = (spec: DemoFileSpec): Record<string, string>[] => {
    const text = files.get(spec.fileName)!;
    expect(text.startsWith('\uFEFF'), `${spec.fileName}: no BOM`);
    expect(!/[^\r]\n/.test(text), `${spec.fileName}: a line ends without CR`);
    const rows = parseCsv(text);
    expect(rows[0]![0] === TITLE_PREFIX + spec.title && rows[1]![0] === spec.note, `${spec.fileName}: title or note row`);
    const { headerRow, records } = readTable(text, spec.headers);
    expect(headerRow === 3 && rows[2]!.join() === spec.headers.join(), `${spec.fileName}: header row is not row 3 as written`);
    return records;
  };
  const [targetRecs, actualRecs, industryRecs, applicationRecs, blacklistRecs] = DEMO_FILES.map(table) as [
    Record<string, string>[], Record<string, string>[], Record<string, string>[], Record<string, string>[], Record<string, string>[],
  ];

  // ── units: targets, actuals, ranking ──
  const wanFigures = [...targetRecs, ...actualRecs, ...industryRecs].flatMap((r) =>
    Object.entries(r).filter(([h, v]) => h.includes('（万元）') && v !== '').map(([, v]) => v));
  expect(wanFigures.every((v) => /^\d+(\.\d)?$/.test(v)), '万元 figures must have at most one decimal');
  const resolve = unitResolver(registry);
  const { targets, actualsByMonth } = figuresFromRecords(targetRecs, actualRecs, resolve);
  expect(policy.units.every((u) => targets.has(u)) && targets.size === 12, 'unit-targets: all 12 units once');
  const ranking = policy.period.months.map((m) => rankMonth(m, targets, actualsByMonth.get(m) ?? new Map(), policy, registry));
  for (const unitId of policy.units) {
    for (const id of ['output', 'investment'] as const) {
      const series = policy.period.months.map((m) => actualsByMonth.get(m)?.get(unitId)?.[id]).filter((x) => x !== undefined);
      expect(series.every((x, i) => i === 0 || cmp(x, series[i - 1]!) >= 0), `${unitId} ${id}: cumulative actuals fall`);
    }
  }
  const rates = ranking.flatMap((m) => m.rows.flatMap((r) => [r.rates.output, r.rates.investment])).filter((x) => x !== null);
  expect(rates.every((r) => Number(r) >= 84.9 && Number(r) <= 115.1), 'completion rates outside ~85–115%');
  const final = ranking.at(-1)!;
  expect(final.waiting === 0 && final.rows.every((r) => r.rank !== null), 'month 9: all 12 units ranked');
  const top = final.rows.slice(0, 7);
  top.slice(0, 6).forEach((r, i) => {
    const next = top[i + 1]!;
    const gap = sub(toRational(r.score!), toRational(next.score!));
    expect(!r.tied && cmp(gap, toRational('0.5')) >= 0, `month 9: ${r.unitName} is within 0.5 of ${next.unitName}`);
  });

  // ── industries ──
  const industries = industryResults(industryRecs, policy, registry);
  for (const d of INDUSTRY_DESIGN) {
    const got = industries.find((i) => i.industryId === d.industryId)!;
    expect(got.series.length === 9 && got.status === d.expectedStatus, `${d.industryId}: status ${got.status}, designed ${d.expectedStatus}`);
  }
  for (const col of ['本年累计（万元）', '上年同期累计（万元）']) {
    for (const d of INDUSTRY_DESIGN) {
      const xs = industryRecs.filter((r) => r['产业'] === d.nameInFile && r[col]).map((r) => Number(r[col]));
      expect(xs.every((x, i) => i === 0 || x > xs[i - 1]!), `${d.industryId}: ${col} not rising`);
    }
  }
  expect(industries.flatMap((i) => i.series).filter((s) => s.computed).length >= 3, 'a few growth rates left blank');
  expect(industries.flatMap((i) => i.series).every((s) => s.growth === null || Math.abs(Number(s.growth)) < 100), 'growth beyond ±100%');

  // ── subsidies ──
  const applications = checkApplications(applicationRecs, blacklistRecs, policy);
  const grants = expectedGrants(applications, policy);
  expect(applications.length >= 35 && applications.length <= 45, 'about 40 applications');
  expect(new Set(applications.map((a) => a.applicationId)).size === applications.length, 'application ids unique');
  const codes = [...applications.map((a) => a.creditCode), ...blacklistRecs.map((r) => r['统一社会信用代码']!)];
  expect(codes.every((c) => isValidCreditCode(c) && c.startsWith('9145020')), 'credit codes valid, 9145020…');
  expect(new Set(applications.map((a) => a.creditCode)).size === ENTERPRISES.length, 'one code per enterprise');
  expect(applications.every((a) => /^\d+\.\d{2}$/.test(a.costYuan)), 'costs to the fen');
  const grantOf = (name: string, kind: string): number | undefined =>
    grants.find((g) => g.enterpriseName === name && g.kind === kind)?.computedWan;
  const worked: [string, string, number][] = [
    ['E01', 'exhibition', 10], ['E02', 'exhibition', 8], ['E03', 'exhibition', 0], ['E04', 'certification', 5], ['E05', 'exhibition', 10],
  ];
  for (const [key, kind, wan] of worked) {
    const name = ENTERPRISES.find((e) => e.key === key)!.name;
    expect(grantOf(name, kind) === wan, `SPEC §6 example ${name} ${kind}: ${grantOf(name, kind)} ≠ ${wan}`);
  }
  for (const reason of ['not_above_size', 'date_outside_window', 'joint_punishment', 'missing_declaration'] as const) {
    expect(applications.some((a) => a.reasons.length === 1 && a.reasons[0] === reason), `no application refused for ${reason} alone`);
  }
  expect(applications.some((a) => a.reasons.length >= 3), 'one application with several faults');
  const applicantCodes = new Set(applications.map((a) => a.creditCode));
  expect(blacklistRecs.length === 3 && blacklistRecs.filter((r) => applicantCodes.has(r['统一社会信用代码']!)).length === 1, 'blacklist: 3, one applicant');

  if (failures.length) throw new Error(`demo self-check failed:\n  ${failures.join('\n  ')}`);
  const countyAwardsWan = final.rows.reduce((a, r) => a + r.award, 0);
  const subsidiesComputedWan = grants.reduce((a, g) => a + g.computedWan, 0);
  const scaled = scaledGrants(grants, EXAMPLE_BUDGET_WAN, countyAwardsWan);
  return {
    policyId: policy.policyId,
    note: '示例数据（非真实数据，仅供演示）。由 data/demo/generate.ts 生成并自检；勿手工修改。',
    ranking,
    industries,
    applications,
    grants,
    totals: { countyAwardsWan, subsidiesComputedWan },
    budgetExample: {
      totalWan: EXAMPLE_BUDGET_WAN,
      availableWan: scaled.availableWan,
      factor: `${scaled.availableWan}/${subsidiesComputedWan}`,
      grantedWan: scaled.grantedWan,
      grantedTotalWan: scaled.grantedWan.reduce((a, b) => a + b, 0),
    },
  };
}
