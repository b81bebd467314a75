import type { UploadError } from '@scoreboard/shared';

/**
 * Every upload error and warning, in Chinese and in English (SPEC §16: server messages follow the
 * user's language). The reader records an issue as a stable `code`, a message id and its params;
 * the words are chosen here, at the boundary, by the request's language (languageOf). The response
 * keeps its shape {sheet, row, column, value, message, code}.
 */
export type Lang = 'zh' | 'en';
export type Params = Readonly<Record<string, string | number>>;

/** An issue as the reader records it: everything but the words. */
export interface Issue {
  sheet: string;
  row: number | null;
  column: string | null;
  value: string | null;
  code: string;
  /** the catalog entry: the code, or code.variant when one code has several wordings */
  msg: string;
  params: Params;
  /** what the message starts with: the row and column, the row alone, or nothing */
  at: 'cell' | 'row' | 'header' | 'file';
}

/** `Accept-Language: en…` → English; anything else, or none → Chinese, the product's language. */
export function languageOf(acceptLanguage: string | string[] | undefined): Lang {
  const first = (Array.isArray(acceptLanguage) ? acceptLanguage[0] : acceptLanguage)?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}

type Words = { zh: (p: Params) => string; en: (p: Params) => string };
const s = (v: string | number | undefined): string => (v === undefined ? '' : String(v));

/** What a cell should have held: finishes "应为…" / "expected …". */
const EXPECTED: Record<string, [string, string]> = {
  number: ['数字（如 61200 或 61,200.5）', 'a number such as 61200 or 61,200.5'],
  percent: ['数字（百分数，如 12.5 或 12.5%）', 'a percentage such as 12.5 or 12.5%'],
  month: ['月份，如 8、8月、2026-08 或 1-8月', 'a month such as 8, 8月, 2026-08 or 1-8月'],
  date: ['日期，如 2026-08-01、2026/8/1 或 2026年8月1日', 'a date such as 2026-08-01, 2026/8/1 or 2026年8月1日'],
  boolean: ['“是”或“否”', '是 (yes) or 否 (no)'],
};
const expected = (p: Params, lang: 0 | 1) => EXPECTED[s(p.expected)]?.[lang] ?? s(p.expected);

/** The things a row can lack, by field. */
const WHAT: Record<string, [string, string]> = {
  unit: ['单位', 'unit'], industry: ['产业', 'industry'], month: ['月份', 'month'], applicationId: ['申报编号', 'application id'],
  enterpriseName: ['企业名称', 'enterprise name'], creditCode: ['统一社会信用代码', 'unified social credit code'], kind: ['类别', 'kind'],
  costYuan: ['申报费用', 'cost'],
};
const what = (p: Params, lang: 0 | 1) => WHAT[s(p.what)]?.[lang] ?? s(p.what);

const REOPEN_ZH = '请在 Excel 或 WPS 中打开后另存为 .xlsx 再上传';
const REOPEN_EN = 'Open it in Excel or WPS, save it as .xlsx and upload it again';

const CATALOG: Record<string, Words> = {
  // ── the file as a whole ──────────────────────────────────────────────────────────────────────
  empty_file: { zh: (p) => `文件“${s(p.file)}”是空的（0 字节）`, en: (p) => `The file "${s(p.file)}" is empty (0 bytes)` },
  file_too_large: { zh: (p) => `文件大小超过上限 ${s(p.mib)} MiB，请拆分后分批上传`, en: (p) => `The file is larger than ${s(p.mib)} MiB; split it and upload the parts` },
  too_many_rows: { zh: (p) => `表格行数超过上限 ${s(p.max)} 行，请拆分后分批上传`, en: (p) => `The table has more than ${s(p.max)} rows; split it and upload the parts` },
  zip_bomb: { zh: () => '文件解压后过大（疑似“压缩炸弹”），已拒绝。正常的 Excel 文件不会出现这种情况', en: () => 'The file inflates to far more than a spreadsheet does (a "zip bomb"); it was refused' },
  'zip_bomb.entries': { zh: (p) => `文件内部包含 ${s(p.count)} 个压缩条目（上限 ${s(p.max)} 个），不像正常的 Excel 文件，已拒绝`, en: (p) => `The file holds ${s(p.count)} compressed parts (at most ${s(p.max)}); it does not look like a spreadsheet and was refused` },
  'zip_bomb.zip64': { zh: () => '文件使用了 ZIP64 超大格式，超出上传限制，已拒绝', en: () => 'The file uses the ZIP64 format for very large archives, beyond the upload limits; it was refused' },
  'zip_bomb.repeats': { zh: () => '文件中重复单元格的数量过多（疑似恶意文件），已拒绝', en: () => 'The file repeats cells far too often (it looks malicious); it was refused' },
  password_protected: { zh: () => '文件设有密码，请取消密码后另存再上传', en: () => 'The file is protected by a password: remove the password, save it again and upload it' },
  unsafe_markup: {
    zh: () => '文件中含有 XML 实体声明（<!ENTITY），正常导出的表格不会有，为安全起见已拒绝。请在 Excel 中另存为 .xlsx 后上传',
    en: () => 'The file declares XML entities (<!ENTITY), which no exported table does; it was refused for safety. Save it as .xlsx in Excel and upload that',
  },
  'unsafe_markup.spans': {
    zh: () => '文件中合并单元格过多或过大，不像正常导出的表格，已拒绝。请在 Excel 中另存为 .xlsx 后上传',
    en: () => 'The file has too many or too large merged cells for an exported table; it was refused. Save it as .xlsx in Excel and upload that',
  },
  'unreadable_file.not_a_table': {
    zh: () => '无法识别文件内容：不是 Excel、WPS、LibreOffice 表格文件，也不是 CSV 文本，请上传表格文件或 CSV 文件',
    en: () => 'This is neither an Excel, WPS or LibreOffice spreadsheet nor CSV text; upload a spreadsheet or a CSV file',
  },
  'unreadable_file.misnamed': {
    zh: (p) => `文件“${s(p.file)}”的扩展名是表格文件，但内容不是表格文件，可能已损坏。请在 Excel 或 WPS 中重新另存为 .xlsx 后上传`,
    en: (p) => `"${s(p.file)}" is named like a spreadsheet but its content is not one; it may be damaged. ${REOPEN_EN}`,
  },
  'unreadable_file.damaged': {
    zh: (p) => `无法读取该${s(p.format) === 'ods' ? ' .ods ' : s(p.format) === 'xls' ? ' Excel（.xls）' : s(p.format) === 'html' ? '网页表格' : s(p.format) === 'spreadsheetml' ? ' XML 表格' : ' Excel（.xlsx）'}文件：文件已损坏或不完整。${REOPEN_ZH}`,
    en: (p) => `The ${s(p.format)} file cannot be read: it is damaged or incomplete. ${REOPEN_EN}`,
  },
  'unreadable_file.truncated_markup': {
    zh: () => '文件不完整（表格没有结尾），可能在下载或复制时被截断。请重新导出或另存为 .xlsx 后上传',
    en: () => 'The file is incomplete (its table has no end): it was cut short in a download or a copy. Export it again, or save it as .xlsx',
  },
  'unreadable_file.zip_not_spreadsheet': {
    zh: () => '这是一个 zip 压缩包，但不是 Excel（.xlsx）或 WPS/LibreOffice（.ods）表格文件，请上传表格文件或 CSV 文件',
    en: () => 'This zip archive is not an Excel (.xlsx) or WPS/LibreOffice (.ods) spreadsheet; upload a spreadsheet or a CSV file',
  },
  'unreadable_file.not_ods_spreadsheet': {
    zh: () => '这是 OpenDocument 文件，但不是电子表格（.ods），请上传表格文件或 CSV 文件',
    en: () => 'This OpenDocument file is not a spreadsheet (.ods); upload a spreadsheet or a CSV file',
  },
  'unreadable_file.not_excel_cfb': {
    zh: () => '这是 Office 文件，但不是 Excel 表格（可能是 Word 文档），请上传表格文件或 CSV 文件',
    en: () => 'This Office file is not an Excel workbook (perhaps a Word document); upload a spreadsheet or a CSV file',
  },
  'unreadable_file.zip_damaged': {
    zh: () => '文件已损坏，无法解压，请在 Excel 中重新保存为 .xlsx 后上传',
    en: () => 'The file is damaged and cannot be unpacked; save it again as .xlsx in Excel and upload it',
  },
  'unreadable_file.zip_no_directory': {
    zh: () => '文件已损坏：找不到 zip 目录，请在 Excel 中重新保存为 .xlsx 后上传',
    en: () => 'The file is damaged: its zip directory is missing. Save it again as .xlsx in Excel and upload it',
  },
  'unreadable_file.zip_entry': {
    zh: (p) => `文件已损坏：条目 ${s(p.entry)} 无法读取，请在 Excel 中重新保存后上传`,
    en: (p) => `The file is damaged: its part ${s(p.entry)} cannot be read. Save it again in Excel and upload it`,
  },
  'unreadable_file.zip_method': {
    zh: (p) => `文件使用了不支持的压缩方式（${s(p.method)}），请在 Excel 中重新保存为 .xlsx 后上传`,
    en: (p) => `The file uses an unsupported compression method (${s(p.method)}); save it again as .xlsx in Excel`,
  },
  'unreadable_file.unexpected': {
    zh: (p) => `无法读取文件“${s(p.file)}”（${s(p.detail)}）。请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）后重新上传`,
    en: (p) => `The file "${s(p.file)}" cannot be read (${s(p.detail)}). Save it as .xlsx or CSV (UTF-8) and upload it again`,
  },
  'no_header.empty': { zh: (p) => `文件“${s(p.file)}”是空的，没有可读取的表格`, en: (p) => `The file "${s(p.file)}" is empty: it holds no table to read` },
  'no_header.other_kind': {
    zh: (p) => `工作表“${s(p.sheet)}”的表头看起来是“${s(p.other)}”，不是“${s(p.title)}”。请确认上传类型是否选对；“${s(p.title)}”需要的列：${s(p.expected)}`,
    en: (p) => `The headers of sheet "${s(p.sheet)}" look like "${s(p.otherEn)}", not "${s(p.titleEn)}": check the upload kind chosen. "${s(p.titleEn)}" needs the columns ${s(p.expectedEn)}`,
  },
  'no_header.missing': {
    zh: (p) => `工作表“${s(p.sheet)}”第 ${s(p.headerRow)} 行像是表头，但缺少列：${s(p.missing)}。“${s(p.title)}”需要的列：${s(p.expected)}`,
    en: (p) => `Row ${s(p.headerRow)} of sheet "${s(p.sheet)}" looks like a header but lacks the columns ${s(p.missingEn)}. "${s(p.titleEn)}" needs the columns ${s(p.expectedEn)}`,
  },
  'no_header.not_found': {
    zh: (p) => `工作表“${s(p.sheet)}”的前 ${s(p.rows)} 行中找不到表头。“${s(p.title)}”需要的列：${s(p.expected)}`,
    en: (p) => `No header row in the first ${s(p.rows)} rows of sheet "${s(p.sheet)}". "${s(p.titleEn)}" needs the columns ${s(p.expectedEn)}`,
  },
  no_rows: {
    zh: (p) => `工作表“${s(p.sheet)}”有表头，但表头下没有可保存的数据行（合计、注释、示例和空行不计）。请在表头下逐行填写数据后重新上传`,
    en: (p) => `Sheet "${s(p.sheet)}" has its headers but no data rows under them to store (totals, notes, example rows and empty rows do not count). Fill in the rows under the headers and upload again`,
  },
  more_errors: { zh: (p) => `另有 ${s(p.count)} 处错误未逐条列出，请先改正以上错误后重新上传`, en: (p) => `${s(p.count)} more errors are not listed: correct those above and upload again` },
  more_warnings: { zh: (p) => `另有 ${s(p.count)} 条提示未逐条列出`, en: (p) => `${s(p.count)} more warnings are not listed` },
  invalid_upload: {
    zh: (p) => `文件“${s(p.file)}”有 ${s(p.count)} 处错误，未导入任何数据；请按提示修改后重新上传`,
    en: (p) => `"${s(p.file)}" has ${s(p.count)} errors; nothing was imported. Correct them and upload the file again`,
  },

  // ── the header row ───────────────────────────────────────────────────────────────────────────
  duplicate_column: {
    zh: (p) => `“${s(p.header)}”与“${s(p.first)}”是同一项数据，只能保留一列`,
    en: (p) => `"${s(p.header)}" and "${s(p.first)}" are the same figure: keep one of the two columns`,
  },
  column_ignored: { zh: (p) => `无法识别的列“${s(p.header)}”，该列未读取`, en: (p) => `Column "${s(p.header)}" is not one this upload knows; it was not read` },

  // ── a data row ───────────────────────────────────────────────────────────────────────────────
  missing_value: { zh: (p) => `缺少${what(p, 0)}`, en: (p) => `the ${what(p, 1)} is missing` },
  'missing_value.name': { zh: (p) => `缺少${what(p, 0)}名称，但本行填写了数据`, en: (p) => `the row has figures but no ${what(p, 1)}` },
  unknown_unit: {
    zh: (p) => `无法识别的单位“${s(p.text)}”，应为${s(p.examples)}等，或单位代码如“${s(p.code)}”`,
    en: (p) => `unknown unit "${s(p.text)}"; expected a unit such as ${s(p.examples)}, or a unit code such as "${s(p.code)}"`,
  },
  unknown_industry: {
    zh: (p) => `无法识别的产业“${s(p.text)}”，应为${s(p.examples)}等，或其简称`,
    en: (p) => `unknown industry "${s(p.text)}"; expected an industry such as ${s(p.examples)}, or its short name`,
  },
  bad_month: { zh: (p) => `“${s(p.text)}”不是月份，应为${expected(p, 0)}`, en: (p) => `"${s(p.text)}" is not a month; expected ${expected(p, 1)}` },
  'month_outside_policy.year': {
    zh: (p) => `${s(p.year)}年不是本政策的考核年度（${s(p.policyYear)}年）`,
    en: (p) => `${s(p.year)} is not this policy's year (${s(p.policyYear)})`,
  },
  'month_outside_policy.period': {
    zh: (p) => `${s(p.month)}月不在本期考核期内，应为${s(p.months)}之一（累计数按截至月份填写）`,
    en: (p) => `month ${s(p.month)} is outside the assessment period; expected one of ${s(p.monthsEn)} (cumulative figures are given by the month they run to)`,
  },
  formula_without_result: {
    zh: () => '公式没有保存计算结果，请在 Excel 中打开文件、保存后再上传，或把公式改为数值',
    en: () => 'the formula was saved without its result: open the file in Excel and save it, or replace the formula by its value',
  },
  not_a_number: {
    zh: (p) => `“${s(p.text)}”不是数字，应为${expected(p, 0)}；没有数据请留空`,
    en: (p) => `"${s(p.text)}" is not a number; expected ${expected(p, 1)}. Leave the cell empty when there is no figure`,
  },
  'not_a_number.amount': { zh: (p) => `“${s(p.text)}”不是金额，应为${expected(p, 0)}`, en: (p) => `"${s(p.text)}" is not an amount; expected ${expected(p, 1)}` },
  negative_value: { zh: (p) => `${s(p.text)} 是负数，该列应为不小于 0 的数`, en: (p) => `${s(p.text)} is negative; this column takes numbers of 0 or more` },
  'negative_value.amount': { zh: (p) => `费用 ${s(p.text)} 是负数，应为不小于 0 的金额`, en: (p) => `the cost ${s(p.text)} is negative; expected an amount of 0 or more` },
  not_whole_number: { zh: (p) => `“${s(p.text)}”不是整数，该列是个数，应为整数`, en: (p) => `"${s(p.text)}" is not a whole number; this column counts` },
  non_positive_target: { zh: () => '目标为 0，无法计算完成率；目标未下达请留空', en: () => 'a target of 0 cannot be scored (completion divides by it); leave it empty when no target is set' },
  'bad_credit_code.number_cell': {
    zh: () => '统一社会信用代码被 Excel 当作数字保存，末几位已丢失。请把该列设为“文本”格式后重新填写',
    en: () => 'Excel stored the credit code as a number and lost its last digits: format the column as Text and type the codes again',
  },
  'bad_credit_code.check_digit': {
    zh: (p) => `统一社会信用代码“${s(p.code)}”的校验位错误：按前 17 位计算，第 18 位应为“${s(p.check)}”，请核对是否填错`,
    en: (p) => `the check character of credit code "${s(p.code)}" is wrong: from its first 17 characters the 18th should be "${s(p.check)}"`,
  },
  'bad_credit_code.length': {
    zh: (p) => `统一社会信用代码“${s(p.code)}”有 ${s(p.length)} 位，应为 18 位`,
    en: (p) => `credit code "${s(p.code)}" has ${s(p.length)} characters; it should have 18`,
  },
  'bad_credit_code.characters': {
    zh: (p) => `统一社会信用代码“${s(p.code)}”含有不允许的字符（代码只用数字和除 I、O、S、V、Z 外的大写字母）`,
    en: (p) => `credit code "${s(p.code)}" has characters a code never uses (digits, and capitals other than I, O, S, V, Z)`,
  },
  bad_boolean: { zh: (p) => `“${s(p.text)}”应为${expected(p, 0)}`, en: (p) => `"${s(p.text)}": expected ${expected(p, 1)}` },
  bad_date: { zh: (p) => `“${s(p.text)}”不是有效日期，应为${expected(p, 0)}`, en: (p) => `"${s(p.text)}" is not a valid date; expected ${expected(p, 1)}` },
  'bad_amount.fen': { zh: (p) => `金额“${s(p.text)}”超过两位小数（精确到分），请核对`, en: (p) => `the amount "${s(p.text)}" has more than two decimals (amounts are to the fen)` },
  'bad_amount.too_large': { zh: (p) => `金额“${s(p.text)}”过大，请核对单位`, en: (p) => `the amount "${s(p.text)}" is too large; check its unit` },
  unknown_kind: {
    zh: (p) => `无法识别的类别“${s(p.text)}”，应为${s(p.kinds)}之一（或 ${s(p.ids)}）`,
    en: (p) => `unknown kind "${s(p.text)}"; expected one of ${s(p.kindsEn)} (or ${s(p.ids)})`,
  },
  duplicate_key: {
    zh: (p) => `“${s(p.name)}”在${p.firstSheet ? `工作表“${s(p.firstSheet)}”第 ${s(p.first)} 行和本表第 ${s(p.second)} 行` : `第 ${s(p.first)} 行和第 ${s(p.second)} 行`}重复出现，同一项数据只能填一次，请删除或合并其中一行`,
    en: (p) => `"${s(p.name)}" appears twice, ${p.firstSheet ? `on row ${s(p.first)} of sheet "${s(p.firstSheet)}" and on row ${s(p.second)} of this sheet` : `on rows ${s(p.first)} and ${s(p.second)}`}; a figure can be given once only: delete or merge one of the rows`,
  },
  no_figure: {
    zh: (p) => `“${s(p.header)}”列的“${s(p.text)}”表示没有数据，未读取该数（已上传的数值不变）`,
    en: (p) => `"${s(p.text)}" in column "${s(p.header)}" means no figure; nothing was read from it (any stored figure stays)`,
  },
  sheets_read: {
    zh: (p) => `本文件有 ${s(p.count)} 个工作表，读取了${s(p.read)}${p.skipped ? `；${s(p.skipped)}的表头不符，未读取` : ''}`,
    en: (p) => `The file has ${s(p.count)} sheets; read ${s(p.readEn)}${p.skipped ? `; ${s(p.skippedEn)} did not have matching headers and were not read` : ''}`,
  },
  example_row_skipped: { zh: () => '标有“示例”的行未读取', en: () => 'the row marked 示例 (example) was not read' },
  total_row_skipped: { zh: (p) => `“${s(p.text)}”是合计行，已跳过（各单位数据不相加）`, en: (p) => `"${s(p.text)}" is a total row and was skipped (units are never added up)` },
  note_row_skipped: { zh: (p) => `“${s(p.text)}”是表格注释，已跳过`, en: (p) => `"${s(p.text)}" is a note under the table and was skipped` },

  // ── plausibility (SPEC §8): warnings, never errors ───────────────────────────────────────────
  'cumulative_decreased.before': {
    zh: (p) => `${s(p.label)} 的累计数 ${s(p.value)} 低于${s(p.month)}月${p.fromFile ? '（本文件）' : '（已上传）'}的 ${s(p.previous)}，累计数一般不会减少，请核对`,
    en: (p) => `${s(p.labelEn)}: the cumulative ${s(p.value)} is below month ${s(p.month)}'s ${s(p.previous)} (${p.fromFile ? 'in this file' : 'stored'}); cumulative figures rarely fall, please check`,
  },
  'cumulative_decreased.after': {
    zh: (p) => `${s(p.label)} 的累计数 ${s(p.value)} 高于已上传的${s(p.month)}月累计数 ${s(p.next)}，累计数一般不会减少，请核对`,
    en: (p) => `${s(p.labelEn)}: the cumulative ${s(p.value)} is above the stored month ${s(p.month)} figure ${s(p.next)}; cumulative figures rarely fall, please check`,
  },
  'actual_exceeds_target.actual': {
    zh: (p) => `${s(p.label)} 的累计数 ${s(p.value)} 超过目标 ${s(p.target)} 的 3 倍，请核对单位（万元）是否填错`,
    en: (p) => `${s(p.labelEn)}: the cumulative ${s(p.value)} is more than 3 times the target ${s(p.target)}; check the unit (万元)`,
  },
  'actual_exceeds_target.target': {
    zh: (p) => `已上传的${s(p.month)}月累计数 ${s(p.actual)} 超过新目标 ${s(p.value)} 的 3 倍，请核对单位（万元）是否填错`,
    en: (p) => `the stored month ${s(p.month)} cumulative ${s(p.actual)} is more than 3 times the new target ${s(p.value)}; check the unit (万元)`,
  },
  growth_out_of_range: {
    zh: (p) => `${s(p.label)} 为 ${s(p.value)}%，超出 ±100%，请核对是否填成了小数或单位有误`,
    en: (p) => `${s(p.labelEn)} is ${s(p.value)}%, beyond ±100%: check whether it was written as a fraction or in another unit`,
  },
};

function prefix(issue: Issue, lang: Lang): string {
  const { row, column } = issue;
  if (lang === 'en') {
    if (issue.at === 'cell') return `Row ${s(row ?? '')}${column ? `, column "${column}"` : ''}: `;
    if (issue.at === 'row') return `Row ${s(row ?? '')}: `;
    if (issue.at === 'header') return `Row ${s(row ?? '')} (header): `;
    return '';
  }
  if (issue.at === 'cell') return `第 ${s(row ?? '')} 行${column ? `“${column}”列` : ''}：`;
  if (issue.at === 'row') return `第 ${s(row ?? '')} 行：`;
  if (issue.at === 'header') return `第 ${s(row ?? '')} 行（表头）：`;
  return '';
}

export function renderMessage(msg: string, params: Params, lang: Lang): string {
  const words = CATALOG[msg] ?? CATALOG[msg.split('.')[0]!];
  if (!words) return msg; // never reached for an id the reader uses: tests render every one
  return words[lang](params);
}

export function renderIssue(issue: Issue, lang: Lang): UploadError {
  const { sheet, row, column, value, code } = issue;
  return { sheet, row, column, value, code, message: prefix(issue, lang) + renderMessage(issue.msg, issue.params, lang) };
}

export const renderIssues = (issues: readonly Issue[], lang: Lang): UploadError[] => issues.map((i) => renderIssue(i, lang));

/** Every message id, for the test that renders each in both languages. */
export const MESSAGE_IDS: readonly string[] = Object.keys(CATALOG);
