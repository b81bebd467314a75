import ExcelJS from 'exceljs';
import { amountInCapitals, FEN_PER_WAN, type Awards, type IndicatorScheme, type Policy } from '@scoreboard/shared';
import type { Lang } from '../i18n/lang';
import { fillWidth, fitRowHeight, setA4 } from '../workbook/printLayout';

const WAN = '#,##0';
const WAN_DECIMALS = '#,##0.####';
const PCT = '0.00';
const YUAN = '#,##0.00';
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The header rows in the reader's language (SPEC §16: ?lang=en or Accept-Language: en). */
const HEADERS = {
  zh: {
    county: ['名次', '单位', '综合评分'],
    countyEnd: ['奖励（万元）', '备注'],
    indicator: (i: IndicatorScheme) => {
      const unit = i.measure === 'wan' ? '万元' : '个';
      return [`${i.name}目标（${unit}）`, `${i.name}${i.prorate ? '序时目标' : '考核目标'}（${unit}）`, `${i.name}实际（${unit}）`, `${i.name}完成率（%）`, `${i.name}得分`];
    },
    grants: ['统一社会信用代码', '企业名称', '类别', '申报编号', '合规费用（元）', '上限（万元）', '核定（万元）', '拨付（万元）'],
    budget: ['项目', '金额（万元）', '说明'],
  },
  en: {
    county: ['Rank', 'Unit', 'Score'],
    countyEnd: ['Award (10k yuan)', 'Notes'],
    indicator: (i: IndicatorScheme) => {
      const unit = i.measure === 'wan' ? '10k yuan' : 'count';
      return [`${i.nameEn} target (${unit})`, `${i.nameEn} ${i.prorate ? 'pro-rated' : 'assessed'} target (${unit})`, `${i.nameEn} actual (${unit})`, `${i.nameEn} completion (%)`, `${i.nameEn} points`];
    },
    grants: ['Credit code', 'Enterprise', 'Kind', 'Applications', 'Eligible cost (yuan)', 'Cap (10k yuan)', 'Computed (10k yuan)', 'Granted (10k yuan)'],
    budget: ['Item', 'Amount (10k yuan)', 'Notes'],
  },
} as const;

function asOf(awards: Awards): string {
  const parts = [awards.month === null ? '尚无实际数据' : `数据截至 ${awards.month} 月（序时进度 ${awards.timeProgress}%）`];
  if (awards.final) parts.push(`已定稿：${awards.finalizedBy ?? ''} ${awards.finalizedAt ?? ''}`);
  else parts.push('未定稿（实时数据）');
  if (awards.revisedAfterFinalization) parts.push('定稿后数据有修订，本表仍为定稿数据');
  parts.push(awards.draft ? '征求意见稿' : '正式');
  if (awards.example) parts.push('示例（非正式文件）');
  return parts.join(' · ');
}

/**
 * Title, as-of line, a bold bordered header row repeated on every printed page (SPEC.md §9). The
 * columns fill the width of A4 (landscape for the wide tables), and the header row is as tall as its
 * wrapped text, so that a real office suite prints it without a line over the first data row.
 */
function prepareSheet(wb: ExcelJS.Workbook, name: string, title: string, note: string, headers: string[], weights: number[], landscape: boolean) {
  const orientation = landscape ? 'landscape' : 'portrait';
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 3 }] });
  setA4(ws, { orientation, titleRows: '3:3', footer: title });
  const widths = fillWidth(weights, orientation);
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, headers.length);
  ws.mergeCells(2, 1, 2, headers.length);
  Object.assign(ws.getCell(1, 1), { value: title, font: { bold: true, size: 14 }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
  Object.assign(ws.getCell(2, 1), { value: note, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
  const whole = widths.reduce((a, b) => a + b, 0);
  fitRowHeight(ws.getRow(1), () => whole, { fontPt: 14, bold: true });
  fitRowHeight(ws.getRow(2), () => whole);
  const header = ws.getRow(3);
  header.values = headers;
  header.eachCell((c) => Object.assign(c, { font: { bold: true }, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }));
  fitRowHeight(header, (col) => widths[col - 1]!, { bold: true });
  return { ws, widths };
}

/** A bordered data row, its wrapped cells (unit names, notes) given the height they need. */
function addRow(sheet: { ws: ExcelJS.Worksheet; widths: number[] }, values: (string | number | null)[], formats: Record<number, string> = {}) {
  const row = sheet.ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (c, col) => {
    c.border = BORDER;
    c.alignment = { vertical: 'middle', wrapText: typeof c.value === 'string' };
    const fmt = formats[col];
    if (fmt) c.numFmt = fmt;
  });
  fitRowHeight(row, (col) => sheet.widths[col - 1]!);
  return row;
}

/** Why a ranked unit is not paid, in the policy's own terms (countyAward.awards.condition). */
function unpaidNote(reason: NonNullable<Awards['county'][number]['unpaid']>, policy: Policy): string {
  const condition = policy.countyAward.awards.condition;
  if (reason === 'below_min_score' && condition?.kind === 'minScore') return `综合评分低于${condition.score}分，不予奖励`;
  return '有指标未完成序时目标，不予奖励';
}

/** Same score as the unit above, split by a tie-breaker (SPEC §15): which rate, and both rates. */
function tieBreakNote(split: NonNullable<Awards['county'][number]['tieBreak']>, awards: Awards, policy: Policy): string {
  const above = awards.county.find((r) => r.unitId === split.aboveUnitId)?.unitName ?? split.aboveUnitId;
  const name = policy.countyAward.indicators.find((i) => i.indicatorId === split.indicatorId)?.shortName ?? split.indicatorId;
  return `与${above}同分，按${name}完成率区分：${split.rate}% 对 ${split.aboveRate}%`;
}

export async function buildAwardsWorkbook(awards: Awards, policy: Policy, lang: Lang = 'zh'): Promise<Buffer> {
  const h = HEADERS[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = '工业稳增长考核看板';
  wb.created = new Date();
  const note = asOf(awards);
  const indicators = policy.countyAward.indicators;

  // 县区奖励
  const indHeaders = indicators.flatMap((i) => h.indicator(i));
  const county = prepareSheet(
    wb, '县区奖励', `${awards.title} · 县区（新区）奖励表`, note,
    [...h.county, ...indHeaders, ...h.countyEnd],
    [5, 13, 7, ...indicators.flatMap(() => [11, 11, 11, 8, 7]), 7, 10], true,
  );
  const formats: Record<number, string> = { 3: '0.00' };
  indicators.forEach((_, k) => Object.assign(formats, { [4 + k * 5]: WAN_DECIMALS, [5 + k * 5]: WAN_DECIMALS, [6 + k * 5]: WAN_DECIMALS, [7 + k * 5]: PCT, [8 + k * 5]: '0.00' }));
  formats[4 + indicators.length * 5] = WAN;
  for (const r of awards.county) {
    const notes = [
      r.tied ? '并列' : '',
      r.disqualified ? `一票否决：${r.disqualified.reason}` : '',
      r.missing.length ? `数据缺失：${r.missing.join('、')}` : '',
      r.unpaid ? unpaidNote(r.unpaid, policy) : '',
      r.tieBreak ? tieBreakNote(r.tieBreak, awards, policy) : '',
    ].filter(Boolean);
    const detail = indicators.flatMap((i) => {
      const d = r.indicators[i.indicatorId];
      return [d?.target ?? null, d?.proratedTarget ?? null, d?.actual ?? null, d?.completionRate ?? null, d?.points ?? null];
    });
    const row = addRow(county, [r.rank, r.unitName, r.score, ...detail, r.award, notes.join('；')], formats);
    if (r.disqualified) row.font = { strike: true };
  }
  const countyWan = awards.county.reduce((s, r) => s + r.award, 0);
  const totalRow = addRow(county, ['合计', '', null, ...indHeaders.map(() => null), countyWan, ''], formats);
  totalRow.font = { bold: true };
  const capitals = county.ws.addRow([`奖励合计（大写）：${amountInCapitals(countyWan * FEN_PER_WAN)}`]);
  county.ws.mergeCells(capitals.number, 1, capitals.number, 5 + indHeaders.length);
  capitals.height = 22;
  county.ws.addRow([]);
  // signature lines: each label in a wide-enough cell, the cells after it left empty (not '') so
  // that nothing clips the space to sign in
  const columns = 5 + indHeaders.length;
  const sign: (string | null)[] = Array.from({ length: columns }, () => null);
  sign[1] = '审核：';
  sign[Math.floor(columns / 2) - 1] = '批准：';
  sign[columns - 3] = '日期：';
  county.ws.addRow(sign).height = 30;

  // 企业补助
  const kindName = new Map<string, string>(policy.subsidies.kinds.map((k) => [k.kind, k.name]));
  const grants = prepareSheet(
    wb, '企业补助', `${awards.title} · 企业开拓市场补助`, note,
    [...h.grants],
    [20, 26, 16, 18, 13, 8, 8, 8], true,
  );
  for (const g of awards.grants) {
    addRow(grants, [g.creditCode, g.enterpriseName, kindName.get(g.kind) ?? g.kind, g.applicationIds.join('、'), Number(g.eligibleCostYuan), g.capWan, g.computedWan, g.grantedWan], { 5: YUAN, 6: WAN, 7: WAN, 8: WAN });
  }
  const grantedWan = awards.grants.reduce((s, g) => s + g.grantedWan, 0);
  addRow(grants, ['合计', '', '', '', null, null, awards.grants.reduce((s, g) => s + g.computedWan, 0), grantedWan], { 7: WAN, 8: WAN }).font = { bold: true };

  // 预算
  const b = awards.budget;
  const budget = prepareSheet(wb, '预算', `${awards.title} · 资金预算`, note, [...h.budget], [14, 12, 40], false);
  // The factor as the domain made it: exact fraction and 4 decimals (snapshots before release 2: the number).
  const factorText = b.factorText === null || b.factorFraction === null ? String(b.factor) : `${b.factorText}（精确值 ${b.factorFraction}）`;
  const lines: [string, number | null, string][] = [
    ['预算总额', b.totalWan, b.totalWan === null ? '尚未设定预算总额，补助按核定金额拨付' : ''],
    ['县区奖励', b.countyWan, ''],
    ['企业补助', b.subsidiesWan, b.scaled ? `超出预算：补助按系数 ${factorText} 同比例缩减后向下取整` : ''],
    ['合计拨付', b.paidWan, amountInCapitals(b.paidWan * FEN_PER_WAN)],
    ['剩余', b.remainingWan, b.overBudget ? '错误：县区奖励已超出预算总额，见下行' : ''],
  ];
  for (const line of lines) addRow(budget, line, { 2: WAN });
  addRow(budget, ['缩减系数', b.factor, b.scaled ? `${factorText}；1 表示未缩减` : '1 表示未缩减'], { 2: '0.######' });
  if (b.overBudget) {
    // SPEC §7: county awards stand, so a total below them cannot be met — an error to fix, not a remainder.
    const over = addRow(budget, ['超出预算（错误）', b.shortfallWan, `县区奖励 ${b.countyWan} 万元超出预算总额 ${b.totalWan} 万元，企业补助无法拨付；请调整预算总额`], { 2: WAN });
    over.font = { bold: true, color: { argb: 'FFC00000' } };
  }

  return Buffer.from(await wb.xlsx.writeBuffer());
}
