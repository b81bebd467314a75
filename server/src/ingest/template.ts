import ExcelJS from 'exceljs';
import type { Policy, Registry, UploadKind } from '@scoreboard/shared';
import type { ColumnSpec, KindSpec } from './columns';
import { kindModule } from './kinds';
import { specOf, type KindModule } from './kinds/kind';
import { fillWidth, fitRowHeight, setA4, textWidth } from '../workbook/printLayout';

/**
 * Upload templates (SPEC §8, §11 "Upload columns"): a title row, the Chinese headers, one example
 * row marked 示例 (the reader skips it), drop-down lists for units, months, kinds and 是/否, a frozen
 * header and a 填写说明 sheet explaining each column.
 */
const DATA_ROWS = 500;
const FIRST_DATA_ROW = 3;
const LIST_SHEET = '选项';
const EXAMPLE_NOTE = '示例（本行不会被读取，可删除）';

function dropDownLists(policy: Policy, registry: Registry): Record<string, (string | number)[]> {
  return {
    unit: registry.units.filter((u) => policy.units.includes(u.unitId)).map((u) => u.name),
    industry: registry.industries.map((i) => i.name),
    month: policy.period.months, // numbers, so a chosen month is entered as a number
    kind: policy.subsidies.kinds.map((k) => k.name), // the policy's kinds (SPEC §13)
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

function validationFor(module: KindModule, column: ColumnSpec, lists: Record<string, string>): ExcelJS.DataValidation | null {
  const list = (name: string, prompt: string): ExcelJS.DataValidation => ({
    type: 'list', allowBlank: true, formulae: [lists[name]], showErrorMessage: true, errorStyle: 'warning',
    errorTitle: '请从下拉列表中选择', error: prompt, showInputMessage: true, prompt,
  });
  if (column.type === 'unit') return list('unit', '请选择考核单位');
  if (column.type === 'industry') return list('industry', '请选择重点产业');
  if (column.type === 'kind') return list('kind', '请选择补助类别');
  if (column.type === 'bool') return list('bool', '请选择“是”或“否”');
  if (column.type === 'month' && module.template.months === 'period') return list('month', '请选择截至月份');
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

function addDataSheet(workbook: ExcelJS.Workbook, module: KindModule, spec: KindSpec, policy: Policy, registry: Registry, lists: Record<string, string>): void {
  const sheet = workbook.addWorksheet(spec.title, { views: [{ state: 'frozen', ySplit: FIRST_DATA_ROW - 1 }] });
  const headers = [...spec.columns.map((c) => c.header), '备注'];
  // printed on A4 filling its width, the title and header on every page; wide kinds in landscape
  const orientation = headers.length > 6 ? 'landscape' : 'portrait';
  setA4(sheet, { orientation, titleRows: `1:${FIRST_DATA_ROW - 1}`, footer: `${spec.title}（上传模板）` });
  // wide enough for the header on two lines at most, and for the example value on one
  const example = [...module.template.example(policy, registry), EXAMPLE_NOTE];
  const weights = headers.map((h, i) => Math.max(8, Math.min(32, Math.max(Math.ceil(textWidth(h) / 2) + 2, textWidth(String(example[i] ?? '')) + 2))));
  const widths = fillWidth(weights, orientation);
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.mergeCells(1, 1, 1, headers.length);
  const title = sheet.getCell(1, 1);
  title.value = `${policy.title} · ${spec.title}（上传模板）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  fitRowHeight(sheet.getRow(1), () => widths.reduce((a, b) => a + b, 0), { fontPt: 14, bold: true });
  headers.forEach((header, i) => {
    const cell = sheet.getCell(2, i + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  fitRowHeight(sheet.getRow(2), (col) => widths[col - 1]!, { bold: true });
  example.forEach((value, i) => {
    const cell = sheet.getCell(FIRST_DATA_ROW, i + 1);
    cell.value = value === '' ? null : value;
    cell.font = { italic: true, color: { argb: 'FF808080' } };
  });
  spec.columns.forEach((column, i) => {
    const validation = validationFor(module, column, lists);
    const format = NUMBER_FORMATS[column.type];
    for (let r = FIRST_DATA_ROW; r < FIRST_DATA_ROW + DATA_ROWS; r++) {
      const cell = sheet.getCell(r, i + 1);
      if (validation) cell.dataValidation = validation;
      if (format) cell.numFmt = format;
    }
  });
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
  '支持 Excel（.xlsx、.xls）、WPS（.et）、LibreOffice（.ods）、XML 表格和网页表格导出的 .xls，以及 CSV（UTF-8 或 GBK/GB18030 编码）文件。',
];
const INSTRUCTION_WEIGHTS = [26, 18, 10, 60];

function addInstructions(workbook: ExcelJS.Workbook, module: KindModule, spec: KindSpec, policy: Policy): void {
  const sheet = workbook.addWorksheet('填写说明');
  setA4(sheet, { orientation: 'portrait', titleRows: '1:1', footer: `${spec.title} · 填写说明` });
  const widths = fillWidth(INSTRUCTION_WEIGHTS, 'portrait');
  widths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  const whole = widths.reduce((a, b) => a + b, 0);
  const title = sheet.addRow([`${spec.title} · 填写说明`]);
  title.font = { bold: true, size: 14 };
  sheet.mergeCells(title.number, 1, title.number, 4);
  fitRowHeight(title, () => whole, { fontPt: 14, bold: true });
  sheet.addRow([]);
  [...GENERAL_NOTES, ...module.template.notes(policy)].forEach((note, i) => {
    const row = sheet.addRow([`${i + 1}. ${note}`]);
    sheet.mergeCells(row.number, 1, row.number, 4);
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    fitRowHeight(row, () => whole);
  });
  sheet.addRow([]);
  const head = sheet.addRow(['列名', '英文列名', '是否必填', '填写要求']);
  head.font = { bold: true };
  for (const column of spec.columns) {
    const row = sheet.addRow([column.header, column.english, requirement(spec, column), column.help]);
    row.eachCell((cell) => (cell.alignment = { wrapText: true, vertical: 'top' }));
    fitRowHeight(row, (col) => widths[col - 1]!);
  }
}

export async function buildTemplate(kind: UploadKind, loaded: { policy: Policy; registry: Registry }): Promise<Buffer> {
  const module = kindModule(kind);
  const spec = specOf(module, loaded.policy);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '工业稳增长考核看板';
  const lists = dropDownLists(loaded.policy, loaded.registry);
  addDataSheet(workbook, module, spec, loaded.policy, loaded.registry, listRanges(lists));
  addInstructions(workbook, module, spec, loaded.policy);
  addLists(workbook, lists);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
