import ExcelJS from 'exceljs';
import { creditCodeCheckChar, type Policy, type Registry, type UploadKind } from '@scoreboard/shared';
import { kindSpec, type ColumnSpec, type KindSpec } from './columns';

/**
 * Upload templates (SPEC §8, §11 "Upload columns"): a title row, the Chinese headers, one example
 * row marked 示例 (the reader skips it), drop-down lists for units, months, kinds and 是/否, a frozen
 * header and a 填写说明 sheet explaining each column.
 */
const DATA_ROWS = 500;
const FIRST_DATA_ROW = 3;
const LIST_SHEET = '选项';
const EXAMPLE_NOTE = '示例（本行不会被读取，可删除）';

function exampleCreditCode(): string {
  const first17 = '91450200MA5K00001';
  return first17 + (creditCodeCheckChar(first17) ?? '0');
}

function exampleRow(kind: UploadKind, policy: Policy, registry: Registry): (string | number)[] {
  const unitName = registry.units.find((u) => u.unitId === policy.units[0])?.name ?? policy.units[0]!;
  const month = policy.period.months[1] ?? policy.period.months[0]!;
  switch (kind) {
    // one example figure per indicator, in the policy's order: 万元 with decimals, counts whole
    case 'unit-targets':
      return [unitName, ...policy.countyAward.indicators.map((i, k) => (i.measure === 'wan' ? [60000, 10000][k % 2]! : 5))];
    case 'unit-actuals':
      return [unitName, month, ...policy.countyAward.indicators.map((i, k) => (i.measure === 'wan' ? [41200, 6123.5][k % 2]! : 3))];
    case 'industry-output':
      return [registry.industries[0]!.name, month, 123456.7, 100000, 23.46];
    case 'subsidy-applications':
      return [`${policy.period.year}-0001`, '柳州某某机械有限公司', exampleCreditCode(), '是', policy.subsidies.kinds[0]?.shortName ?? '', '某某工业博览会', policy.subsidies.claimWindow.to, '237000.00', '', '是'];
    case 'credit-blacklist':
      return [exampleCreditCode(), '某某有限公司', '2026-03-01'];
  }
}

function dropDownLists(policy: Policy, registry: Registry): Record<string, (string | number)[]> {
  return {
    unit: registry.units.filter((u) => policy.units.includes(u.unitId)).map((u) => u.name),
    industry: registry.industries.map((i) => i.name),
    month: policy.period.months, // numbers, so a chosen month is entered as a number
    kind: policy.subsidies.kinds.map((k) => k.shortName),
    bool: ['是', '否'],
  };
}

/** The lists live on a hidden sheet: a list typed into the validation itself is limited to 255 characters. */
function addLists(workbook: ExcelJS.Workbook, lists: Record<string, (string | number)[]>): void {
  const sheet = workbook.addWorksheet(LIST_SHEET, { state: 'veryHidden' });
  Object.values(lists).forEach((values, i) => values.forEach((v, r) => (sheet.getCell(r + 1, i + 1).value = v)));
}

function listRanges(lists: Record<string, (string | number)[]>): Record<string, string> {
  const ranges: Record<string, string> = {};
  Object.entries(lists).forEach(([name, values], i) => {
    const letter = String.fromCharCode(65 + i);
    ranges[name] = `'${LIST_SHEET}'!$${letter}$1:$${letter}$${values.length}`;
  });
  return ranges;
}

function validationFor(kind: UploadKind, column: ColumnSpec, lists: Record<string, string>): ExcelJS.DataValidation | null {
  const list = (name: string, prompt: string): ExcelJS.DataValidation => ({
    type: 'list', allowBlank: true, formulae: [lists[name]], showErrorMessage: true, errorStyle: 'warning',
    errorTitle: '请从下拉列表中选择', error: prompt, showInputMessage: true, prompt,
  });
  if (column.type === 'unit') return list('unit', '请选择考核单位');
  if (column.type === 'industry') return list('industry', '请选择重点产业');
  if (column.type === 'kind') return list('kind', '请从下拉列表中选择补助类别');
  if (column.type === 'bool') return list('bool', '请选择“是”或“否”');
  if (column.type === 'month' && kind === 'unit-actuals') return list('month', '请选择截至月份');
  if (column.type === 'month') {
    return { type: 'whole', operator: 'between', allowBlank: true, formulae: [1, 12], showErrorMessage: true, error: '月份应为 1–12' };
  }
  return null;
}

const NUMBER_FORMATS: Partial<Record<ColumnSpec['type'], string>> = {
  creditCode: '@', // as text: an all-digit code would lose its last digits as a number
  text: '@',
  date: 'yyyy-mm-dd',
  yuan: '0.00',
};

function addDataSheet(workbook: ExcelJS.Workbook, spec: KindSpec, policy: Policy, registry: Registry, lists: Record<string, string>): void {
  const sheet = workbook.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: FIRST_DATA_ROW - 1 }] });
  const headers = [...spec.columns.map((c) => c.header), '备注'];
  sheet.mergeCells(1, 1, 1, headers.length);
  const title = sheet.getCell(1, 1);
  title.value = `${policy.title} · ${spec.title}（上传模板）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  sheet.getRow(1).height = 24;
  headers.forEach((header, i) => {
    const cell = sheet.getCell(2, i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    sheet.getColumn(i + 1).width = Math.max(12, Math.min(40, header.length * 2 + 4));
  });
  const example = [...exampleRow(spec.kind, policy, registry), EXAMPLE_NOTE];
  example.forEach((value, i) => {
    const cell = sheet.getCell(FIRST_DATA_ROW, i + 1);
    cell.value = value === '' ? null : value;
    cell.font = { italic: true, color: { argb: 'FF808080' } };
  });
  spec.columns.forEach((column, i) => {
    const validation = validationFor(spec.kind, column, lists);
    const format = NUMBER_FORMATS[column.type];
    for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + DATA_ROWS; r++) {
      const cell = sheet.getCell(r, i + 1);
      if (validation) cell.dataValidation = validation;
      if (format) cell.numFmt = format;
    }
  });
  sheet.getColumn(headers.length).width = 30;
}

function requirement(spec: KindSpec, column: ColumnSpec): string {
  const group = spec.requiredGroups.find((g) => g.includes(column.field));
  if (!group) return '选填';
  return group.length === 1 ? '必填' : '至少填一项';
}

const GENERAL_NOTES = [
  '表头可以放在前 20 行中的任意一行，上方的标题行、“单位：万元”说明行可以保留；列的顺序不限，表头可用中文或英文。',
  '表头中的单位会自动换算，如“产值（亿元）”按 ×10000 换算为万元；不写单位时按本模板的单位读取。',
  '空白单元格表示“暂无数据”，不会改动已上传的数值；数值为 0 请填 0。数字可带千分位逗号、全角数字，增速可带 %。',
  '合计行（合计、总计、全市）自动跳过，不作为单位读取；标有“示例”的行不会读取；“序号”“备注”列不读取。',
  '上传后先预览将要发生的变化，确认后再提交；文件中只要有一处错误就不会提交，并一次列出所有错误的行号和列名。',
  '支持 .xlsx 和 CSV（UTF-8 或 GBK/GB18030 编码）文件。',
];
const KIND_NOTES: Record<UploadKind, string[]> = {
  'unit-targets': ['目标为整个考核期的目标，金额单位万元、个数填整数；未下达的目标请留空，不要填 0。'],
  'unit-actuals': ['累计数自考核期首月起算，填写截至所选月份的累计完成数，金额单位万元、个数填整数。', '同一单位同一月份只填一行。'],
  'industry-output': ['本年累计、上年同期累计为 1 月起的累计产值，单位万元；累计增速为统计部门公布的可比口径增速（%）。', '累计增速留空时，系统按“本年累计 ÷ 上年同期累计 − 1”计算，并标注“非可比口径”。'],
  'subsidy-applications': ['每条申报一个唯一的申报编号；重复上传同一编号会以最新一次为准。', '申报费用单位为元，精确到分；补助按企业、按类别合计后以万元为单位向下取整（六(一)）。'],
  'credit-blacklist': ['每个统一社会信用代码一行；名单内企业的补助申报将被标注为“失信联合惩戒对象”。'],
};

function addInstructions(workbook: ExcelJS.Workbook, spec: KindSpec, policy: Policy): void {
  const sheet = workbook.addWorksheet('填写说明');
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 18;
  sheet.getColumn(3).width = 12;
  sheet.getColumn(4).width = 70;
  sheet.addRow([`${spec.title} · 填写说明`]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const period = `本模板适用于《${policy.title}》，考核期 ${policy.period.label}（${policy.period.start} 至 ${policy.period.end}）。`;
  [period, ...GENERAL_NOTES, ...KIND_NOTES[spec.kind]].forEach((note, i) => {
    const row = sheet.addRow([`${i + 1}. ${note}`]);
    sheet.mergeCells(row.number, 1, row.number, 4);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = 32;
  });
  sheet.addRow([]);
  sheet.addRow(['列名', '英文列名', '是否必填', '填写要求']).font = { bold: true };
  for (const column of spec.columns) {
    const row = sheet.addRow([column.header, column.english, requirement(spec, column), column.help]);
    row.getCell(4).alignment = { wrapText: true };
  }
}

export async function buildTemplate(kind: UploadKind, loaded: { policy: Policy; registry: Registry }): Promise<Buffer> {
  const spec = kindSpec(kind, loaded.policy);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '工业稳增长考核看板';
  const lists = dropDownLists(loaded.policy, loaded.registry);
  addDataSheet(workbook, spec, loaded.policy, loaded.registry, listRanges(lists));
  addInstructions(workbook, spec, loaded.policy);
  addLists(workbook, lists);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
