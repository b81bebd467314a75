import type { ColumnSpec } from '../columns';
import { creditCode, optionalDate, text } from '../records';
import type { KindModule } from './kind';
import { CREDIT_CODE_WORDS, exampleCreditCode } from './subsidyApplications';

/** `credit-blacklist`: the joint-punishment list (SPEC §6), keyed by credit code. */
const COLUMNS: readonly ColumnSpec[] = [
  { field: 'creditCode', header: '统一社会信用代码', english: 'creditCode', type: 'creditCode', required: true, synonyms: CREDIT_CODE_WORDS, help: '18位统一社会信用代码' },
  { field: 'enterpriseName', header: '企业名称', english: 'enterpriseName', type: 'text', required: false,
    synonyms: ['企业名称', '企业', '单位名称', '名称', '失信主体名称', 'enterprisename', 'enterprise', 'company'], help: '企业全称（选填）' },
  { field: 'listedOn', header: '列入日期', english: 'listedOn', type: 'date', required: false,
    synonyms: ['列入日期', '认定日期', '列入时间', '认定时间', '日期', 'listedon', 'date'], help: '列入名单的日期（选填）' },
];

export const creditBlacklist: KindModule = {
  kind: 'credit-blacklist',
  idField: 'creditCode',
  spec: () => ({ kind: 'credit-blacklist', title: '失信联合惩戒对象名单', titleEn: 'Joint-punishment list', columns: COLUMNS, requiredGroups: [['creditCode']] }),

  reader({ sink }) {
    return (scope, columns) => {
      const codeColumn = columns.get('creditCode');
      const code = creditCode(scope, codeColumn);
      const claimed = code !== null && sink.claim(scope, codeColumn, code, code);
      const enterpriseName = text(scope, columns.get('enterpriseName')) ?? '';
      const listedOn = optionalDate(scope, columns.get('listedOn'));
      if (scope.failed || !claimed) return;
      sink.addRecord(scope, {
        key: code, record: { creditCode: code, enterpriseName, listedOn },
        label: enterpriseName ? `${code} · ${enterpriseName}` : code, column: codeColumn?.header,
      });
    };
  },

  plausibility: () => [],

  template: {
    example: () => [exampleCreditCode(), '某某有限公司', '2026-03-01'],
    notes: () => ['每个统一社会信用代码一行；名单内企业的补助申报将被标注为“失信联合惩戒对象”。'],
    months: 'year',
  },
};
