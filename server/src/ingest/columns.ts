import type { IndicatorScheme, Policy, UploadKind } from '@scoreboard/shared';

/**
 * The columns of each upload kind (SPEC.md §11 "Upload columns"): the template header, the English
 * header, and the names people actually put in their sheets. Matching is on a compacted form of the
 * header (no spaces, brackets or units, lower case), so "规上工业总产值（亿元）", "产值(万元)" and
 * "Output (万元)" all find their column.
 */
export type ValueType =
  | 'unit'
  | 'industry'
  | 'month'
  | 'wan' // 万元 figures: header units convert to 万元
  | 'count' // whole numbers, e.g. 新增规上工业企业数
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
  columns: readonly ColumnSpec[];
  /** each group needs at least one of its fields among the headers */
  requiredGroups: readonly (readonly string[])[];
}

const OUTPUT_WORDS = ['规上工业总产值', '规模以上工业总产值', '工业总产值', '规上工业产值', '工业产值', '总产值', '产值'];
const INVESTMENT_WORDS = ['工业投资', '工业固定资产投资', '工业固投', '投资'];
const TARGET_SUFFIXES = ['目标', '任务', '目标任务', '任务目标', '目标值', '考核目标', '季度目标', '考核期目标'];

const targetsOf = (words: readonly string[], suffixes: readonly string[] = TARGET_SUFFIXES) =>
  words.flatMap((w) => [...suffixes.map((s) => w + s), ...suffixes.map((s) => s + w)]);
/** "2026年三季度" → 三季度目标, 2026年三季度目标: statisticians name the target after the period. */
const periodTargetWords = (policy: Policy) => {
  const label = policy.period.label;
  const short = label.replace(/^\d{4}年/, '');
  return [...new Set([`${label}目标`, `${short}目标`, `${short}任务`, `${label}任务`])];
};
/** What statistical tables write under (or beside) a figure for the cumulative amount so far. */
const CUMULATIVE_SUFFIXES = ['累计', '本年累计', '本月止累计', '本月累计', '本期累计', '累计完成', '累计完成额', '完成', '完成额', '实际', '实际完成', '自年初累计'];
const cumulativeOf = (words: readonly string[]) =>
  words.flatMap((w) => [w, ...CUMULATIVE_SUFFIXES.map((s) => w + s), `累计${w}`, `本年累计${w}`, `完成${w}`]);

const UNIT_WORDS = ['单位', '县区', '县(区)', '区县', '地区', '单位名称', '县区名称', '地区名称', '考核单位', '县区(新区)', '县(区、新区)', '县区新区', '辖区', 'unit', 'unitname', 'county', 'district'];
const MONTH_WORDS = ['月份', '截至月份', '截止月份', '月', '统计月份', '数据月份', '所属月份', '报告期', '期间', '累计月份', 'month'];

const unit: ColumnSpec = {
  field: 'unit', header: '单位', english: 'unit', type: 'unit', required: true, synonyms: UNIT_WORDS,
  help: '考核单位名称、代码或简称，如“城中区”“450202”“柳东新区”',
};

/** Header words of the first release's two indicators, kept so existing files keep reading. */
const KNOWN_WORDS: Record<string, readonly string[]> = { output: OUTPUT_WORDS, investment: INVESTMENT_WORDS };

const measureUnit = (i: IndicatorScheme) => (i.measure === 'wan' ? '万元' : '个');
const indicatorWords = (i: IndicatorScheme) => [...new Set([i.name, i.shortName, ...i.synonyms, ...(KNOWN_WORDS[i.indicatorId] ?? [])])];
const figureType = (i: IndicatorScheme): ValueType => (i.measure === 'wan' ? 'wan' : 'count');

/**
 * The unit kinds' columns come from the policy's indicators (SPEC §13): one target column and one
 * actual column per indicator, named as the policy names it, so a new indicator is a policy setting.
 */
function unitKinds(policy: Policy): KindSpec[] {
  const { indicators } = policy.countyAward;
  const period = policy.period.label;
  const ids = indicators.map((i) => i.indicatorId);
  return [
    {
      kind: 'unit-targets',
      title: `各单位${period}目标`,
      columns: [
        unit,
        ...indicators.map((i): ColumnSpec => ({
          field: i.indicatorId, header: `${i.name}目标（${measureUnit(i)}）`, english: `${i.indicatorId}Target`, type: figureType(i), required: false,
          synonyms: [...targetsOf(indicatorWords(i), [...TARGET_SUFFIXES, ...periodTargetWords(policy)]), `${i.indicatorId}target`, `target${i.indicatorId}`],
          help: `${period}（整个考核期）${i.name}目标，${measureUnit(i)}`,
        })),
      ],
      requiredGroups: [['unit'], ids],
    },
    {
      kind: 'unit-actuals',
      title: '各单位累计完成情况',
      columns: [
        unit,
        { field: 'month', header: '月份', english: 'month', type: 'month', required: true, synonyms: MONTH_WORDS,
          help: `截至月份，考核期内的月份（${policy.period.months.map((m) => `${m}月`).join('、')}），如 ${policy.period.months.at(-1)}、${policy.period.months.at(-1)}月、${policy.period.year}-${String(policy.period.months.at(-1)).padStart(2, '0')}` },
        ...indicators.map((i): ColumnSpec => ({
          field: i.indicatorId, header: `${i.name}（${measureUnit(i)}）`, english: i.indicatorId, type: figureType(i), required: false,
          synonyms: [...cumulativeOf(indicatorWords(i)), i.indicatorId.toLowerCase(), ...(i.indicatorId === 'output' ? ['outputvalue', 'grossoutput'] : []), ...(i.indicatorId === 'investment' ? ['industrialinvestment'] : [])],
          help: `自考核期首月起的累计完成数，${measureUnit(i)}`,
        })),
      ],
      requiredGroups: [['unit'], ['month'], ids],
    },
  ];
}

const FIXED_KINDS: readonly KindSpec[] = [
  {
    kind: 'industry-output',
    title: '重点产业产值',
    columns: [
      { field: 'industry', header: '产业', english: 'industry', type: 'industry', required: true,
        synonyms: ['产业', '产业名称', '行业', '行业名称', '重点产业', '产业链', '重点产业名称', 'industry', 'industryname'],
        help: '重点产业名称或简称，如“人工智能终端及机器人产业”“新能源汽车”' },
      { field: 'month', header: '月份', english: 'month', type: 'month', required: true, synonyms: MONTH_WORDS,
        help: '截至月份 1–12，如 8、8月、1-8月、2026-08' },
      { field: 'output', header: '本年累计（万元）', english: 'output', type: 'wan', required: false,
        synonyms: ['本年累计', '本年累计产值', '本期累计', '本年', '累计产值', '本年累计总产值', '产值', '总产值', '规上工业总产值', '规上工业总产值本年累计', 'output', 'outputthisyear'],
        help: '今年1月起的累计规上工业总产值，万元' },
      { field: 'outputLastYear', header: '上年同期累计（万元）', english: 'outputLastYear', type: 'wan', required: false,
        synonyms: ['上年同期累计', '上年同期', '去年同期', '上年同期累计产值', '上年同期产值', '上年累计', '同期累计', 'outputlastyear', 'lastyear', 'lastyearoutput'],
        help: '上年同期累计产值，万元（选填）' },
      { field: 'growth', header: '累计增速（%）', english: 'growth', type: 'pct', required: false,
        synonyms: ['累计增速', '增速', '同比增长', '累计同比增长', '同比增速', '累计同比增速', '增长率', '累计增长', '同比', '累计增长率', 'growth', 'growthrate', 'yoy', 'yoygrowth'],
        help: '统计部门公布的累计同比增速（可比口径），百分数，如 12.5 或 -3.2；为空时按产值计算' },
    ],
    requiredGroups: [['industry'], ['month'], ['output', 'outputLastYear', 'growth']],
  },
  {
    kind: 'subsidy-applications',
    title: '企业开拓市场补助申报',
    columns: [
      { field: 'applicationId', header: '申报编号', english: 'applicationId', type: 'text', required: true,
        synonyms: ['申报编号', '编号', '申请编号', '申报号', '申报序号', '项目编号', 'applicationid', 'id'], help: '每条申报唯一的编号' },
      { field: 'enterpriseName', header: '企业名称', english: 'enterpriseName', type: 'text', required: true,
        synonyms: ['企业名称', '企业', '申报企业', '申报单位', '申报企业名称', '公司名称', 'enterprisename', 'enterprise', 'company'], help: '企业全称' },
      { field: 'creditCode', header: '统一社会信用代码', english: 'creditCode', type: 'creditCode', required: true,
        synonyms: ['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码', 'creditcode', 'uscc'], help: '18位统一社会信用代码，系统校验最后一位校验码' },
      { field: 'aboveSize', header: '是否规上', english: 'aboveSize', type: 'bool', required: false,
        synonyms: ['是否规上', '是否规上企业', '规上企业', '规上', '是否规模以上', 'abovesize'], help: '是/否；参展和自办活动须为规上工业企业' },
      { field: 'kind', header: '类别', english: 'kind', type: 'kind', required: true,
        synonyms: ['类别', '补助类别', '申报类别', '项目类别', '类型', '支持类别', 'kind', 'type', 'category'], help: '展会 / 自办活动 / 国际认证' },
      { field: 'item', header: '项目名称', english: 'item', type: 'text', required: false,
        synonyms: ['项目名称', '展会名称', '活动名称', '认证名称', '展会或活动名称', '名称', 'item', 'itemname', 'project'], help: '展会、活动或认证证书的名称' },
      { field: 'date', header: '日期', english: 'date', type: 'date', required: false,
        synonyms: ['日期', '举办日期', '参展日期', '活动日期', '取证日期', '发证日期', '时间', '举办时间', 'date'], help: '展会、活动举办日期或取得证书日期，如 2026-08-01' },
      { field: 'costYuan', header: '申报费用（元）', english: 'costYuan', type: 'yuan', required: true,
        synonyms: ['申报费用', '费用', '符合条件费用', '申报金额', '金额', '实际费用', '费用金额', 'cost', 'costyuan', 'amount'], help: '符合条件的费用，元，精确到分' },
      { field: 'certType', header: '认证类型', english: 'certType', type: 'text', required: false,
        synonyms: ['认证类型', '证书类型', '认证种类', 'certtype', 'certificatetype'], help: '国际认证填写，如 CE、UL' },
      { field: 'declaration', header: '信用承诺', english: 'declaration', type: 'bool', required: false,
        synonyms: ['信用承诺', '承诺', '诚信承诺', '信用承诺书', '是否承诺', 'declaration'], help: '是/否：是否已提交六(二)所列资格条件的信用承诺' },
    ],
    requiredGroups: [['applicationId'], ['enterpriseName'], ['creditCode'], ['kind'], ['costYuan']],
  },
  {
    kind: 'credit-blacklist',
    title: '失信联合惩戒对象名单',
    columns: [
      { field: 'creditCode', header: '统一社会信用代码', english: 'creditCode', type: 'creditCode', required: true,
        synonyms: ['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码', 'creditcode', 'uscc'], help: '18位统一社会信用代码' },
      { field: 'enterpriseName', header: '企业名称', english: 'enterpriseName', type: 'text', required: false,
        synonyms: ['企业名称', '企业', '单位名称', '名称', '失信主体名称', 'enterprisename', 'enterprise', 'company'], help: '企业全称（选填）' },
      { field: 'listedOn', header: '列入日期', english: 'listedOn', type: 'date', required: false,
        synonyms: ['列入日期', '认定日期', '列入时间', '认定时间', '日期', 'listedon', 'date'], help: '列入名单的日期（选填）' },
    ],
    requiredGroups: [['creditCode']],
  },
];

/** Columns people add that are ignored without a warning. */
export const QUIETLY_IGNORED = new Set(['序号', '备注', '说明', '行次', 'no', 'remark', 'remarks', 'note', 'notes']);

/** Every kind's columns under `policy`: the unit kinds follow its indicators. */
export function allKinds(policy: Policy): KindSpec[] {
  return [...unitKinds(policy), ...FIXED_KINDS];
}

export function kindSpec(kind: UploadKind, policy: Policy): KindSpec {
  const spec = allKinds(policy).find((k) => k.kind === kind);
  if (!spec) throw new RangeError(`unknown upload kind: ${kind}`);
  return spec;
}
