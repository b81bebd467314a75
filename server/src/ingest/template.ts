import ExcelJS from 'exceljs';
import type { Policy, Registry, UploadKind } from '@scoreboard/shared';
import type { ColumnSpec, KindSpec } from './columns';
import { kindModule } from './kinds';
import { specOf, type KindModule } from './kinds/kind';

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
    kind: ['展会', '自办活动', '国际认证'],
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
  if (column.type === 'kind') return list('kind', '请选择：展会 / 自办活动 / 国际认证');
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
  const example = [...module.template.example(policy, registry), EXAMPLE_NOTE];
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
  '支持 Excel（.xlsx、.xls）、WPS（.et）、LibreOffice（.ods）、XML 表格和网页表格导出的 .xls，以及 CSV（UTF-8 或 GBK/GB18030 编码）文件。',
];
function addInstructions(workbook: ExcelJS.Workbook, module: KindModule, spec: KindSpec, policy: Policy): void {
  const sheet = workbook.addWorksheet('填写说明');
  sheet.getColumn(1).width = 28;
  sheet.getColumn(2).width = 18;
  sheet.getColumn(3).width = 12;
  sheet.getColumn(4).width = 70;
  sheet.addRow([`${spec.title} · 填写说明`]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  [...GENERAL_NOTES, ...module.template.notes(policy)].forEach((note, i) => {
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
