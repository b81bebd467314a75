import { creditCodeCheckChar, type ApplicationInput } from '@scoreboard/shared';
import type { ColumnSpec } from '../columns';
import { kindResolver } from '../lookup';
import { costFen, creditCode, optionalBoolean, optionalDate, requiredText, text } from '../records';
import type { KindModule } from './kind';

/**
 * `subsidy-applications`: enterprise claims (SPEC §6, §11), keyed by application id, each stored
 * whole as an ApplicationInput; eligibility is judged later, against the policy, never here.
 */
const CREDIT_CODE_WORDS = ['统一社会信用代码', '社会信用代码', '信用代码', '统一信用代码', 'creditcode', 'uscc'];

const COLUMNS: readonly ColumnSpec[] = [
  { field: 'applicationId', header: '申报编号', english: 'applicationId', type: 'text', required: true,
    synonyms: ['申报编号', '编号', '申请编号', '申报号', '申报序号', '项目编号', 'applicationid', 'id'], help: '每条申报唯一的编号' },
  { field: 'enterpriseName', header: '企业名称', english: 'enterpriseName', type: 'text', required: true,
    synonyms: ['企业名称', '企业', '申报企业', '申报单位', '申报企业名称', '公司名称', 'enterprisename', 'enterprise', 'company'], help: '企业全称' },
  { field: 'creditCode', header: '统一社会信用代码', english: 'creditCode', type: 'creditCode', required: true,
    synonyms: CREDIT_CODE_WORDS, help: '18位统一社会信用代码，系统校验最后一位校验码' },
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
];

export function exampleCreditCode(): string {
  const first17 = '91450200MA5K00001';
  return first17 + (creditCodeCheckChar(first17) ?? '0');
}

export const subsidyApplications: KindModule = {
  kind: 'subsidy-applications',
  idField: 'applicationId',
  // the kinds are the policy's (SPEC §13): named in the column's help from it
  spec: (policy) => ({
    kind: 'subsidy-applications', title: '企业开拓市场补助申报', titleEn: 'Enterprise subsidy claims',
    columns: COLUMNS.map((c) => (c.field === 'kind' ? { ...c, help: policy.subsidies.kinds.map((k) => k.name).join(' / ') } : c)),
    requiredGroups: [['applicationId'], ['enterpriseName'], ['creditCode'], ['kind'], ['costYuan']],
  }),

  reader({ policy, sink }) {
    const kindOf = kindResolver(policy);
    const kindNames = {
      kinds: policy.subsidies.kinds.map((k) => `“${k.name}”`).join(''),
      kindsEn: policy.subsidies.kinds.map((k) => `"${k.nameEn}"`).join(', '),
      ids: policy.subsidies.kinds.map((k) => k.kind).join(' / '),
    };
    return (scope, columns) => {
      const idColumn = columns.get('applicationId');
      const applicationId = requiredText(scope, idColumn, 'applicationId');
      // claimed before the other cells are checked: a duplicate id is reported even on a faulty row
      const claimed = applicationId !== null && applicationId !== '' && sink.claim(scope, idColumn, applicationId, applicationId);
      const enterpriseName = requiredText(scope, columns.get('enterpriseName'), 'enterpriseName');
      const code = creditCode(scope, columns.get('creditCode'));
      const aboveSize = optionalBoolean(scope, columns.get('aboveSize'));
      const kindColumn = columns.get('kind');
      const kindText = requiredText(scope, kindColumn, 'kind');
      const kind = kindText === null ? null : kindOf(kindText);
      if (kindText !== null && kind === null) scope.fail(kindColumn, 'unknown_kind', { text: kindText, ...kindNames });
      const item = text(scope, columns.get('item')) ?? '';
      const date = optionalDate(scope, columns.get('date'));
      const fen = costFen(scope, columns.get('costYuan'));
      const certType = text(scope, columns.get('certType'));
      const declaration = optionalBoolean(scope, columns.get('declaration'));
      if (scope.failed || !claimed || !applicationId || !enterpriseName || !code || !kind || fen === null) return;
      const input: ApplicationInput = { applicationId, enterpriseName, creditCode: code, aboveSize, kind, item, date, costFen: fen, certType, declaration };
      sink.addRecord(scope, { key: applicationId, record: input, label: `${applicationId} · ${enterpriseName}`, column: idColumn?.header });
    };
  },

  plausibility: () => [],

  template: {
    example: (policy) => ['2026-0001', '柳州某某机械有限公司', exampleCreditCode(), '是', policy.subsidies.kinds[0]!.name, '2026中国（柳州）工业博览会', '2026-08-01', '237000.00', '', '是'],
    notes: () => ['每条申报一个唯一的申报编号；重复上传同一编号会以最新一次为准。', '申报费用单位为元，精确到分；补助按企业、按类别合计后以万元为单位向下取整（六(一)）。'],
    months: 'year',
  },
};

export { CREDIT_CODE_WORDS };
