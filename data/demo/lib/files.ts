/**
 * The demo files: names, title and note rows, and the headers exactly as SPEC.md §11 "Upload
 * columns" writes them. Shared by the writer and the self-check so the two cannot drift apart.
 */
export const TITLE_PREFIX = '示例数据（非真实数据，仅供演示）—— ';

export interface DemoFileSpec {
  kind: 'unit-targets' | 'unit-actuals' | 'industry-output' | 'subsidy-applications' | 'credit-blacklist';
  fileName: string;
  title: string;
  note: string;
  headers: readonly string[];
}

export const UNIT_TARGETS: DemoFileSpec = {
  kind: 'unit-targets',
  fileName: 'unit-targets.csv',
  title: '2026年三季度各县区（新区）工业稳增长任务目标',
  note: '单位：万元',
  headers: ['单位', '规上工业总产值目标（万元）', '工业投资目标（万元）'],
};

export const UNIT_ACTUALS: DemoFileSpec = {
  kind: 'unit-actuals',
  fileName: 'unit-actuals.csv',
  title: '2026年7—9月各县区（新区）规上工业总产值、工业投资完成情况（自7月起累计）',
  note: '单位：万元',
  headers: ['单位', '月份', '规上工业总产值（万元）', '工业投资（万元）'],
};

export const INDUSTRY_OUTPUT: DemoFileSpec = {
  kind: 'industry-output',
  fileName: 'industry-output.csv',
  title: '2026年1—9月重点产业规上工业总产值（本年累计）',
  note: '单位：万元',
  headers: ['产业', '月份', '本年累计（万元）', '上年同期累计（万元）', '累计增速（%）'],
};

export const SUBSIDY_APPLICATIONS: DemoFileSpec = {
  kind: 'subsidy-applications',
  fileName: 'subsidy-applications.csv',
  title: '2026年企业开拓市场激励资金申报汇总（企业名称均为虚构）',
  note: '单位：元',
  headers: ['申报编号', '企业名称', '统一社会信用代码', '是否规上', '类别', '项目名称', '日期', '申报费用（元）', '认证类型', '信用承诺'],
};

export const CREDIT_BLACKLIST: DemoFileSpec = {
  kind: 'credit-blacklist',
  fileName: 'credit-blacklist.csv',
  title: '失信联合惩戒对象名单（企业名称均为虚构）',
  note: '说明：名单内企业不得申报激励资金',
  headers: ['统一社会信用代码', '企业名称', '列入日期'],
};

export const DEMO_FILES: readonly DemoFileSpec[] = [UNIT_TARGETS, UNIT_ACTUALS, INDUSTRY_OUTPUT, SUBSIDY_APPLICATIONS, CREDIT_BLACKLIST];

/** The full sheet: title row, note row, header row, data rows. */
export function sheetRows(spec: DemoFileSpec, data: readonly (readonly string[])[]): string[][] {
  return [[TITLE_PREFIX + spec.title], [spec.note], [...spec.headers], ...data.map((r) => [...r])];
}
