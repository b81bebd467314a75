import {
  cmp, figureKey, isDecimal, mul, parseDecimal, parseFigureKey, rat, unitActualKey, unitTargetKey,
  type FigureKey, type Policy, type Rational, type UploadKind, type UploadWarning,
} from '@scoreboard/shared';
import type { IngestEntry } from './entries';

/**
 * Preview warnings on figures that look wrong but may be right (SPEC §8): they never block a commit.
 * - a cumulative figure lower than the month before's (in the file or already stored);
 * - a growth rate beyond ±100%;
 * - an actual more than three times its target.
 */
const HUNDRED = rat(100n);
const THREE = rat(3n);

function decimal(text: string | null | undefined): Rational | null {
  return text !== null && text !== undefined && isDecimal(text) ? parseDecimal(text) : null;
}

export function plausibilityWarnings(input: {
  kind: UploadKind;
  entries: IngestEntry[];
  current: (key: string) => string | null;
  policy: Policy;
}): UploadWarning[] {
  const { kind, entries, current, policy } = input;
  const inFile = new Map(entries.map((e) => [e.key, e]));
  const valueOf = (key: string): { value: Rational; text: string; fromFile: boolean } | null => {
    const entry = inFile.get(key);
    const text = entry ? entry.value : current(key);
    const value = decimal(text);
    return value && text !== null ? { value, text, fromFile: entry !== undefined } : null;
  };
  const warnings: UploadWarning[] = [];
  const warn = (entry: IngestEntry, code: string, message: string) =>
    warnings.push({ sheet: entry.sheet, row: entry.row, column: entry.column ?? null, value: entry.value, code, message: `第 ${entry.row} 行：${message}` });

  /** Cumulative figures never fall: compare with the month before, and with a stored month after. */
  const checkCumulative = (entry: IngestEntry, value: Rational, keyAt: (month: number) => string, month: number, months: readonly number[]) => {
    const at = months.indexOf(month);
    const before = at > 0 ? months[at - 1] : undefined;
    const after = at >= 0 && at < months.length - 1 ? months[at + 1] : undefined;
    const previous = before === undefined ? null : valueOf(keyAt(before));
    if (previous && cmp(value, previous.value) < 0) {
      warn(entry, 'cumulative_decreased', `${entry.label} 的累计数 ${entry.value} 低于${before}月${previous.fromFile ? '（本文件）' : '（已上传）'}的 ${previous.text}，累计数一般不会减少，请核对`);
    }
    const next = after === undefined ? null : valueOf(keyAt(after));
    if (next && !next.fromFile && cmp(next.value, value) < 0) {
      warn(entry, 'cumulative_decreased', `${entry.label} 的累计数 ${entry.value} 高于已上传的${after}月累计数 ${next.text}，累计数一般不会减少，请核对`);
    }
  };

  for (const entry of entries) {
    const key: FigureKey | null = parseFigureKey(kind, entry.key);
    const value = decimal(entry.value);
    if (!value || !key) continue;
    if (key.kind === 'unit-actuals') {
      const { unitId, indicatorId } = key;
      checkCumulative(entry, value, (m) => unitActualKey(unitId, m, indicatorId), key.month, policy.period.months);
      const targetKey = unitTargetKey(unitId, indicatorId);
      const target = decimal(current(targetKey));
      if (target && target.n > 0n && cmp(value, mul(target, THREE)) > 0) {
        warn(entry, 'actual_exceeds_target', `${entry.label} 的累计数 ${entry.value} 超过目标 ${current(targetKey)} 的 3 倍，请核对单位（万元）是否填错`);
      }
    } else if (key.kind === 'unit-targets') {
      const { unitId, indicatorId } = key;
      const over = policy.period.months.find((m) => {
        const actual = decimal(current(unitActualKey(unitId, m, indicatorId)));
        return actual !== null && value.n > 0n && cmp(actual, mul(value, THREE)) > 0;
      });
      if (over !== undefined) {
        warn(entry, 'actual_exceeds_target', `已上传的${over}月累计数 ${current(unitActualKey(unitId, over, indicatorId))} 超过新目标 ${entry.value} 的 3 倍，请核对单位（万元）是否填错`);
      }
    } else if (key.kind === 'industry-output') {
      if (key.field === 'growth') {
        if (cmp(value, HUNDRED) > 0 || cmp(value, rat(-100n)) < 0) {
          warn(entry, 'growth_out_of_range', `${entry.label} 为 ${entry.value}%，超出 ±100%，请核对是否填成了小数或单位有误`);
        }
      } else {
        // industry figures are cumulative from January (1–12月)
        const { industryId, field } = key;
        checkCumulative(entry, value, (m) => figureKey({ kind: 'industry-output', industryId, month: m, field }), key.month, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      }
    }
  }
  return warnings;
}
