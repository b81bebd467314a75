import { describe, expect, it } from 'vitest';
import type { UploadKind } from '@scoreboard/shared';
import { parseFixture, values, type ReadResult } from './helpers';

/**
 * SPEC §17: the same table saved in every format statisticians bring gives exactly the figures of its
 * .xlsx twin — the .xls and .ods saved by LibreOffice, the .et of WPS, and the SpreadsheetML 2003 and
 * HTML-table ".xls" of government systems (tests/fixtures/make-fixtures.ts makes them all).
 */
const TWINS: [UploadKind, string][] = [
  ['unit-targets', 'unit-targets-yi'],
  ['unit-targets', 'unit-targets-grouped'],
  ['unit-actuals', 'unit-actuals-titled'],
  ['unit-actuals', 'unit-actuals-subheaders'],
  ['industry-output', 'industry-output-fullwidth'],
  ['subsidy-applications', 'subsidy-applications'],
  ['credit-blacklist', 'credit-blacklist'],
];
const FORMATS = [
  ['.xls', 'LibreOffice → Excel 97 (BIFF8)'],
  ['.et', 'WPS 表格 (BIFF8 named .et)'],
  ['.ods', 'LibreOffice → OpenDocument'],
  ['.lo.xlsx', 'the .ods saved again as .xlsx by LibreOffice'],
  ['.2003.xls', 'SpreadsheetML 2003 named .xls'],
  ['.html.xls', 'HTML table named .xls'],
] as const;

/** What a user checks: every key and value, every error and warning by row, column and code. */
const outcome = (r: ReadResult) => ({
  values: values(r),
  rows: r.entries.map((e) => [e.key, e.row]),
  errors: r.errors.map((e) => [e.row, e.column, e.value, e.code]),
  warnings: r.warnings.map((w) => [w.row, w.column, w.code]),
  rowsRead: r.rowsRead,
});

describe.each(TWINS)('%s: %s in every format', (kind, name) => {
  it.each(FORMATS)(`${name}%s (%s) gives exactly the figures of ${name}.xlsx`, async (ext) => {
    const twin = await parseFixture(kind, `${name}.xlsx`);
    const other = await parseFixture(kind, `${name}${ext}`);
    expect(outcome(other)).toEqual(outcome(twin));
    expect(twin.entries.length).toBeGreaterThan(0);
  });
});
