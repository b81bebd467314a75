import type { UploadKind } from '@scoreboard/shared';

/**
 * What a column of an upload is (SPEC.md §11 "Upload columns"): the template header, the English
 * header, and the names people actually put in their sheets. Matching is on a compacted form of the
 * header (no spaces, brackets or units, lower case), so "规上工业总产值（亿元）", "产值(万元)" and
 * "Output (万元)" all find their column. Each kind's columns live in its module (kinds/).
 */
export type ValueType =
  | 'unit'
  | 'industry'
  | 'month'
  | 'wan' // 万元 figures: header units convert to 万元
  | 'count' // whole numbers (新增规上工业企业数): no unit conversion, no decimals
  | 'pct'
  | 'yuan' // money to the fen: header units convert to 元
  | 'text'
  | 'creditCode'
  | 'bool'
  | 'kind'
  | 'date';

export interface ColumnSpec {
  field: string;
  header: string; // the template's Chinese header
  english: string;
  type: ValueType;
  required: boolean;
  synonyms: readonly string[];
  help: string; // for the template's 填写说明 sheet
}

export interface KindSpec {
  kind: UploadKind;
  title: string;
  titleEn: string;
  columns: readonly ColumnSpec[];
  /** each group needs at least one of its fields among the headers */
  requiredGroups: readonly (readonly string[])[];
}

export const UNIT_WORDS = ['单位', '县区', '县(区)', '区县', '地区', '单位名称', '县区名称', '地区名称', '考核单位', '县区(新区)', '县(区、新区)', '县区新区', '辖区', 'unit', 'unitname', 'county', 'district'];
export const MONTH_WORDS = ['月份', '截至月份', '截止月份', '月', '统计月份', '数据月份', '所属月份', '报告期', '期间', '累计月份', 'month'];

export const unitColumn: ColumnSpec = {
  field: 'unit', header: '单位', english: 'unit', type: 'unit', required: true, synonyms: UNIT_WORDS,
  help: '考核单位名称、代码或简称，如“城中区”“450202”“柳东新区”',
};

/** Columns people add that are ignored without a warning. */
export const QUIETLY_IGNORED = new Set(['序号', '备注', '说明', '行次', 'no', 'remark', 'remarks', 'note', 'notes']);
