import { creditCodeCheckChar, isValidCreditCode, lt, mul, normaliseCreditCode, rat, yuanToFen, ZERO } from '@scoreboard/shared';
import { cellText, compact, numberText, parseBoolean, parseDate, parseNumber } from './cells';
import type { RowScope } from './entries';
import type { MappedColumn } from './headers';

/**
 * What the record kinds (subsidy applications, the joint-punishment list) share: text, credit codes,
 * 是/否, dates and amounts in 元 to the fen. Each record is stored whole, as JSON.
 */
export function text(scope: RowScope, column: MappedColumn | undefined): string | null {
  const cell = scope.cell(column);
  if (cell.kind === 'blank') return null;
  if (cell.kind === 'bool') return cell.value ? '是' : '否';
  return cellText(cell); // cells arrive trimmed
}

export function requiredText(scope: RowScope, column: MappedColumn | undefined, what: string): string | null {
  const value = text(scope, column);
  if (value === null || value === '') scope.fail(column, 'missing_value', `缺少${what}`);
  return value;
}

/** GB 32100-2015: 18 characters, the last one a check character over the first 17. */
export function creditCode(scope: RowScope, column: MappedColumn | undefined): string | null {
  const raw = requiredText(scope, column, '统一社会信用代码');
  if (raw === null) return null;
  if (scope.cell(column).kind === 'number') {
    // Excel keeps 15 digits of a number: an all-digit code typed into a number cell has lost its tail
    scope.fail(column, 'bad_credit_code', '统一社会信用代码被 Excel 当作数字保存，末几位已丢失。请把该列设为“文本”格式后重新填写');
    return null;
  }
  const code = CLEAN_CODE.test(raw) ? raw : normaliseCreditCode(compact(raw));
  if (isValidCreditCode(code)) return code;
  const check = code.length === 18 ? creditCodeCheckChar(code.slice(0, 17)) : null;
  const message =
    check !== null
      ? `统一社会信用代码“${code}”的校验位错误：按前 17 位计算，第 18 位应为“${check}”，请核对是否填错`
      : code.length !== 18
        ? `统一社会信用代码“${code}”有 ${code.length} 位，应为 18 位`
        : `统一社会信用代码“${code}”含有不允许的字符（代码只用数字和除 I、O、S、V、Z 外的大写字母）`;
  scope.fail(column, 'bad_credit_code', message);
  return null;
}

export function optionalBoolean(scope: RowScope, column: MappedColumn | undefined): boolean | null {
  const cell = scope.cell(column);
  if (cell.kind === 'blank') return null;
  const parsed = parseBoolean(cell);
  if (parsed.ok) return parsed.value;
  scope.fail(column, 'bad_boolean', `“${cellText(cell)}”应为${parsed.expected}`);
  return null;
}

export function optionalDate(scope: RowScope, column: MappedColumn | undefined): string | null {
  const cell = scope.cell(column);
  if (cell.kind === 'blank') return null;
  const parsed = parseDate(cell);
  if (parsed.ok) return parsed.value;
  scope.fail(column, 'bad_date', `“${cellText(cell)}”不是有效日期，应为${parsed.expected}`);
  return null;
}

const FEN_PER_YUAN = rat(100n);
const CLEAN_CODE = /^[0-9A-Z]{18}$/;
const PLAIN_YUAN = /^\d{1,13}(\.\d{1,2})?$/;

/** 元 to the fen, exactly: a claim is never rounded silently. */
export function costFen(scope: RowScope, column: MappedColumn | undefined): number | null {
  const cell = scope.cell(column);
  if (!column || cell.kind === 'blank') {
    scope.fail(column, 'missing_value', '缺少申报费用');
    return null;
  }
  // the common case, a plain amount in 元 to the fen, in integer arithmetic without rationals
  const plain = cell.kind === 'text' && column.factor.n === 1n && column.factor.d === 1n ? numberText(cell, false) : null;
  if (plain !== null && PLAIN_YUAN.test(plain)) return yuanToFen(plain);
  const parsed = parseNumber(cell, false);
  if (!parsed.ok) {
    scope.fail(column, 'not_a_number', `“${cellText(cell)}”不是金额，应为${parsed.expected}`);
    return null;
  }
  if (lt(parsed.value, ZERO)) {
    scope.fail(column, 'negative_value', `费用 ${cellText(cell)} 是负数，应为不小于 0 的金额`);
    return null;
  }
  const fen = mul(mul(parsed.value, column.factor), FEN_PER_YUAN);
  if (fen.d !== 1n) {
    scope.fail(column, 'bad_amount', `金额“${cellText(cell)}”超过两位小数（精确到分），请核对`);
    return null;
  }
  if (fen.n > BigInt(Number.MAX_SAFE_INTEGER)) {
    scope.fail(column, 'bad_amount', `金额“${cellText(cell)}”过大，请核对单位`);
    return null;
  }
  return Number(fen.n);
}
