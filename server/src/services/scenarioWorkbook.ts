import ExcelJS from 'exceljs';
import type { Policy, ScenarioEvaluation, ScenarioMoney, SettingChange } from '@scoreboard/shared';

/**
 * The scenario comparison as a workbook for a meeting (SPEC §14): the two rankings side by side
 * with the movement and the award difference, the money before and after, and the settings the
 * scenario changes in the policy's own words. A4, the header row repeated on every printed page.
 */
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WAN = '#,##0;[Red]-#,##0';
const SCORE = '0.00';

function sheet(wb: ExcelJS.Workbook, name: string, title: string, note: string, headers: string[], widths: number[], landscape: boolean) {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, headers.length);
  ws.mergeCells(2, 1, 2, headers.length);
  Object.assign(ws.getCell(1, 1), { value: title, font: { bold: true, size: 14 }, alignment: { horizontal: 'center', wrapText: true } });
  Object.assign(ws.getCell(2, 1), { value: note, alignment: { horizontal: 'center', wrapText: true } });
  const header = ws.getRow(3);
  header.values = headers;
  header.height = 32; // two lines: the headers wrap ("现行奖励（万元）")
  header.eachCell((c) => Object.assign(c, { font: { bold: true }, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }));
  return ws;
}

function addRow(ws: ExcelJS.Worksheet, values: (string | number | null)[], formats: Record<number, string> = {}) {
  const row = ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (c, col) => {
    c.border = BORDER;
    if (formats[col]) c.numFmt = formats[col];
  });
  return row;
}

/** "▲2" when the unit moves up two places, "▼1", "—" when its place stays. */
export function movement(before: number | null, after: number | null): string {
  if (before === null && after === null) return '—';
  if (before === null) return '新进';
  if (after === null) return '不排名';
  if (after < before) return `▲${before - after}`;
  if (after > before) return `▼${after - before}`;
  return '—';
}

const SETTING_WORDS: Record<string, string> = {
  basePoints: '基础分（权重）',
  bonusPerPoint: '超目标每个百分点加分',
  bonusCap: '加分上限',
  floorPct: '完成率低于此值不得分（%）',
  stepPoints: '每低一名减分',
  floorPoints: '最低得分',
  prorate: '按序时进度折算目标',
  scoring: '计分方式',
  tiersWan: '奖励档次（万元）',
  condition: '获奖条件',
  unpaidPlace: '不获奖名次的奖励',
  tieBreakers: '并列时依次比较',
  ratePct: '补助比例（%）',
  capWan: '补助上限（万元）',
  capScope: '封顶口径',
  requiresAboveSize: '限规上企业',
  totalWan: '预算总额（万元）',
  units: '参评单位',
  decimals: '综合评分保留小数位',
};

/** "countyAward.indicators.1.bonusPerPoint" → "工业投资 · 超目标每个百分点加分". */
export function settingLabel(path: string, policy: Policy): string {
  const parts = path.split('.');
  const leaf = SETTING_WORDS[parts.at(-1)!] ?? SETTING_WORDS[parts.at(-2) ?? ''] ?? path;
  if (parts[0] === 'countyAward' && parts[1] === 'indicators' && parts[2] !== undefined) {
    return `${policy.countyAward.indicators[Number(parts[2])]?.name ?? parts[2]} · ${leaf}`;
  }
  if (parts[0] === 'subsidies' && parts[1] === 'kinds' && parts[2] !== undefined) {
    return `${policy.subsidies.kinds[Number(parts[2])]?.name ?? parts[2]} · ${leaf}`;
  }
  return leaf;
}

const WORDS: Record<string, string> = {
  perEnterprise: '每家企业累计封顶', perEvent: '每次活动封顶', passesDown: '顺延给下一名', lapses: '不再发放',
  completion: '按完成率计分', rankPoints: '按名次计分', true: '是', false: '否',
};
function settingValue(value: unknown): string {
  if (value === null || value === undefined) return '无';
  if (Array.isArray(value)) return value.map(settingValue).join('、');
  if (typeof value === 'object') {
    const c = value as { kind?: string; score?: unknown };
    if (c.kind === 'minScore') return `综合评分不低于 ${String(c.score)} 分`;
    if (c.kind === 'everyIndicatorComplete') return '各项指标均完成';
    return JSON.stringify(value);
  }
  return WORDS[String(value)] ?? String(value);
}

export async function buildScenarioWorkbook(input: { evaluation: ScenarioEvaluation; policy: Policy; name: string | null }): Promise<Buffer> {
  const { evaluation: e, policy } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = '工业稳增长考核看板';
  wb.created = new Date();
  const title = `${policy.title} · 规则方案比较${input.name ? `：${input.name}` : ''}`;
  const note = [
    e.month === null ? '尚无实际数据' : `数据截至 ${e.month} 月（序时进度 ${e.base.timeProgress}%）`,
    '同一数据分别按现行规则与方案计算，方案未经采纳不生效',
    policy.status === 'draft' ? '征求意见稿' : '正式',
    ...(policy.example ? ['示例（非正式文件）'] : []),
  ].join(' · ');

  const ws = sheet(
    wb, '方案比较', title, note,
    ['单位', '现行名次', '现行综合评分', '现行奖励（万元）', '方案名次', '名次变化', '方案综合评分', '方案奖励（万元）', '奖励差额（万元）'],
    [28, 9, 12, 12, 9, 9, 12, 12, 12], true,
  );
  const before = new Map(e.base.rows.map((r) => [r.unitId, r]));
  const after = new Map(e.scenario.rows.map((r) => [r.unitId, r]));
  const order = [...e.scenario.rows.map((r) => r.unitId), ...e.base.rows.map((r) => r.unitId).filter((u) => !after.has(u))];
  const formats = { 3: SCORE, 4: WAN, 7: SCORE, 8: WAN, 9: WAN };
  for (const unitId of order) {
    const b = before.get(unitId);
    const a = after.get(unitId);
    const awardB = b?.award ?? 0;
    const awardA = a?.award ?? 0;
    const row = addRow(ws, [(a ?? b)!.unitName, b?.rank ?? null, b?.score ?? null, awardB, a?.rank ?? null, movement(b?.rank ?? null, a?.rank ?? null), a?.score ?? null, awardA, awardA - awardB], formats);
    row.getCell(6).alignment = { horizontal: 'center' };
  }
  ws.addRow([]);
  const money: [string, (m: ScenarioMoney) => number | null][] = [
    ['县区奖励合计', (m) => m.countyWan],
    ['企业补助（核定）', (m) => m.subsidiesComputedWan],
    ['企业补助（拨付）', (m) => m.subsidiesWan],
    ['合计拨付', (m) => m.paidWan],
    ['预算总额', (m) => m.totalWan],
    ['预算剩余', (m) => m.remainingWan],
  ];
  const head = addRow(ws, ['金额（万元）', '', '', '现行', '', '', '', '方案', '差额']);
  head.font = { bold: true };
  for (const [label, pick] of money) {
    const b = pick(e.totals.before);
    const a = pick(e.totals.after);
    addRow(ws, [label, '', '', b, '', '', '', a, b === null || a === null ? null : a - b], { 4: WAN, 8: WAN, 9: WAN });
  }

  const settings = sheet(wb, '设置差异', `${title} · 方案改动的设置`, note, ['设置', '现行', '方案'], [40, 30, 30], false);
  if (e.settings.length === 0) addRow(settings, ['方案与现行规则相同', '', '']);
  for (const s of e.settings as SettingChange[]) addRow(settings, [settingLabel(s.path, policy), settingValue(s.before), settingValue(s.after)]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
