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

/** `what`: the field, named in the message (申报编号, enterprise name …) */
export function requiredText(scope: RowScope, column: MappedColumn | undefined, what: string): string | null {
  const value = text(scope, column);
  if (value === null || value === '') scope.fail(column, 'missing_value', { what });
  return value;
}

/** GB 32100-2015: 18 characters, the last one a check character over the first 17. */
export function creditCode(scope: RowScope, column: MappedColumn | undefined): string | null {
  const raw = requiredText(scope, column, 'creditCode');
  if (raw === null) return null;
  if (scope.cell(column).kind === 'number') {
    // Excel keeps 15 digits of a number: an all-digit code typed into a number cell has lost its tail
    scope.fail(column, 'bad_credit_code', {}, 'number_cell');
    return null;
  }
  const code = CLEAN_CODE.test(raw) ? raw : normaliseCreditCode(compact(raw));
  if (isValidCreditCode(code)) return code;
  const check = code.length === 18 ? creditCodeCheckChar(code.slice(0, 17)) : null;
  if (check !== null) scope.fail(column, 'bad_credit_code', { code, check }, 'check_digit');
  else if (code.length !== 18) scope.fail(column, 'bad_credit_code', { code, length: code.length }, 'length');
  else scope.fail(column, 'bad_credit_code', { code }, 'characters');
  return null;
}

export function optionalBoolean(scope: RowScope, column: MappedColumn | undefined): boolean | null {
  const cell = scope.cell(column);
  if (cell.kind === 'blank') return null;
  const parsed = parseBoolean(cell);
  if (parsed.ok) return parsed.value;
  scope.fail(column, 'bad_boolean', { text: cellText(cell), expected: parsed.expected });
  return null;
}

export function optionalDate(scope: RowScope, column: MappedColumn | undefined): string | null {
  const cell = scope.cell(column);
  if (cell.kind === 'blank') return null;
  const parsed = parseDate(cell);
  if (parsed.ok) return parsed.value;
  scope.fail(column, 'bad_date', { text: cellText(cell), expected: parsed.expected });
  return null;
}

const FEN_PER_YUAN = rat(100n);
const CLEAN_CODE = /^[0-9A-Z]{18}$/;
const PLAIN_YUAN = /^\d{1,13}(\.\d{1,2})?$/;
/** the largest amount PLAIN_YUAN takes: 13 digits of 元 and 2 of 分 */
const MAX_PLAIN_FEN = 10 ** 15 - 1;

/** 元 to the fen, exactly: a claim is never rounded silently. */
export function costFen(scope: RowScope, column: MappedColumn | undefined): number | null {
  const cell = scope.cell(column);
  if (!column || cell.kind === 'blank') {
    scope.fail(column, 'missing_value', { what: 'costYuan' });
    return null;
  }
  // the common case, a plain amount in 元 to the fen, in integer arithmetic without rationals: typed
  // as text, or a number cell read as Excel shows it (15 significant digits, as parseNumber does)
  const inYuan = column.factor.n === 1n && column.factor.d === 1n;
  if (inYuan && cell.kind === 'number') {
    // a number cell that holds a whole number of fen exactly (fen / 100 is that very double): the
    // same amount the decimal text below gives, without turning the number into text first
    const fen = Math.round(cell.value * 100);
    if (fen >= 0 && fen <= MAX_PLAIN_FEN && fen / 100 === cell.value) return fen || 0; // never -0
  }
  const plain = !inYuan ? null : cell.kind === 'text' ? numberText(cell, false) : cell.kind === 'number' && Number.isFinite(cell.value) ? String(Number(cell.value.toPrecision(15))) : null;
  if (plain !== null && PLAIN_YUAN.test(plain)) return yuanToFen(plain);
  const parsed = parseNumber(cell, false);
  if (!parsed.ok) {
    scope.fail(column, 'not_a_number', { text: cellText(cell), expected: parsed.expected }, 'amount');
    return null;
  }
  if (lt(parsed.value, ZERO)) {
    scope.fail(column, 'negative_value', { text: cellText(cell) }, 'amount');
    return null;
  }
  const fen = mul(mul(parsed.value, column.factor), FEN_PER_YUAN);
  if (fen.d !== 1n) {
    scope.fail(column, 'bad_amount', { text: cellText(cell) }, 'fen');
    return null;
  }
  if (fen.n > BigInt(Number.MAX_SAFE_INTEGER)) {
    scope.fail(column, 'bad_amount', { text: cellText(cell) }, 'too_large');
    return null;
  }
  return Number(fen.n);
}
