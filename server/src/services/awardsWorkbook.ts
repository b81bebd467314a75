import ExcelJS from 'exceljs';
import { amountInCapitals, FEN_PER_WAN, type Awards, type IndicatorScheme, type Policy } from '@scoreboard/shared';
import type { Lang } from '../i18n/lang';

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

/** Title, as-of line, a bold bordered header row repeated on every printed page (SPEC.md §9). */
function prepareSheet(wb: ExcelJS.Workbook, name: string, title: string, note: string, headers: string[], widths: number[], landscape: boolean) {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, headers.length);
  ws.mergeCells(2, 1, 2, headers.length);
  Object.assign(ws.getCell(1, 1), { value: title, font: { bold: true, size: 14 }, alignment: { horizontal: 'center' } });
  Object.assign(ws.getCell(2, 1), { value: note, alignment: { horizontal: 'center' } });
  const header = ws.getRow(3);
  header.values = headers;
  header.eachCell((c) => Object.assign(c, { font: { bold: true }, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } }));
  return ws;
}

function addRow(ws: ExcelJS.Worksheet, values: (string | number | null)[], formats: Record<number, string> = {}) {
  const row = ws.addRow(values);
  row.eachCell({ includeEmpty: true }, (c, col) => {
    c.border = BORDER;
    const fmt = formats[col];
    if (fmt) c.numFmt = fmt;
  });
  return row;
}

/** Why a ranked unit is not paid, in the policy's own terms (countyAward.awards.condition). */
function unpaidNote(reason: NonNullable<Awards['county'][number]['unpaid']>, policy: Policy): string {
  const condition = policy.countyAward.awards.condition;
  if (reason === 'below_min_score' && condition?.kind === 'minScore') return `综合评分低于${condition.score}分，不予奖励`;
  return '有指标未完成序时目标，不予奖励';
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
    [6, 26, 10, ...indHeaders.map(() => 13), 12, 28], true,
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
  const capitals = county.addRow([`奖励合计（大写）：${amountInCapitals(countyWan * FEN_PER_WAN)}`]);
  county.mergeCells(capitals.number, 1, capitals.number, 5 + indHeaders.length);
  county.addRow([]);
  county.addRow(['审核：', '', '', '', '', '批准：', '', '', '', '', '日期：']);

  // 企业补助
  const kindName = new Map<string, string>(policy.subsidies.kinds.map((k) => [k.kind, k.name]));
  const grants = prepareSheet(
    wb, '企业补助', `${awards.title} · 企业开拓市场补助`, note,
    [...h.grants],
    [22, 30, 20, 20, 16, 10, 10, 10], true,
  );
  for (const g of awards.grants) {
    addRow(grants, [g.creditCode, g.enterpriseName, kindName.get(g.kind) ?? g.kind, g.applicationIds.join('、'), Number(g.eligibleCostYuan), g.capWan, g.computedWan, g.grantedWan], { 5: YUAN, 6: WAN, 7: WAN, 8: WAN });
  }
  const grantedWan = awards.grants.reduce((s, g) => s + g.grantedWan, 0);
  addRow(grants, ['合计', '', '', '', null, null, awards.grants.reduce((s, g) => s + g.computedWan, 0), grantedWan], { 7: WAN, 8: WAN }).font = { bold: true };

  // 预算
  const b = awards.budget;
  const budget = prepareSheet(wb, '预算', `${awards.title} · 资金预算`, note, [...h.budget], [20, 16, 50], false);
  const lines: [string, number | null, string][] = [
    ['预算总额', b.totalWan, b.totalWan === null ? '尚未设定预算总额，补助按核定金额拨付' : ''],
    ['县区奖励', b.countyWan, ''],
    ['企业补助', b.subsidiesWan, b.scaled ? `超出预算：补助按系数 ${b.factor} 同比例缩减后向下取整` : ''],
    ['合计拨付', b.paidWan, amountInCapitals(b.paidWan * FEN_PER_WAN)],
    ['剩余', b.remainingWan, ''],
  ];
  for (const line of lines) addRow(budget, line, { 2: WAN });
  addRow(budget, ['缩减系数', b.factor, '1 表示未缩减'], { 2: '0.######' });

  return Buffer.from(await wb.xlsx.writeBuffer());
}
