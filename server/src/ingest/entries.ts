import { toFixed, type IndicatorId, type IndustryField, type Rational } from '@scoreboard/shared';
import type { Issues } from './issues';
import type { Params } from './messages';
import type { MappedColumn } from './headers';
import { BLANK, cellDisplay, type RawCell } from './sheet';

/**
 * What a key is made of, kept beside it so that nothing downstream splits a key string: the key's
 * format belongs to shared/src/keys.ts alone.
 */
export interface EntryParts {
  unitId?: string;
  industryId?: string;
  month?: number;
  /** the county indicator of a unit target or actual */
  indicator?: IndicatorId;
  /** the industry figure: output, outputLastYear or growth */
  field?: IndustryField;
}

/** One figure or record read from a file, keyed as the server stores it (shared/src/keys.ts). */
export interface IngestEntry extends EntryParts {
  key: string;
  /** as stored: a figure's decimal text, or a record's JSON */
  readonly value: string;
  label: string; // e.g. "城中区 · 8月 · 工业投资"
  /** the label in English, for figures ("城中区 Chengzhong District · Aug · Industrial investment") */
  labelEn?: string;
  sheet: string;
  row: number;
  /** the header of the cell the value came from, for warnings about it */
  column?: string;
}

/** Exact decimal text of a rational whose denominator is made of 2s and 5s (every unit factor is). */
export function decimalText(value: Rational): string {
  let d = value.d;
  let places = 0;
  while (d % 10n === 0n) {
    d /= 10n;
    places++;
  }
  while (d % 2n === 0n || d % 5n === 0n) {
    d /= d % 2n === 0n ? 2n : 5n;
    places++;
  }
  const text = toFixed(value, places);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return trimmed === '-0' ? '0' : trimmed;
}

/** One data row being read: errors found in it are recorded with its sheet and row. */
export class RowScope {
  failed = false;
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly cells: readonly RawCell[],
    private readonly issues: Issues,
  ) {}

  cell(column: MappedColumn | undefined): RawCell {
    return (column && (column.fixed ?? this.cells[column.index])) || BLANK;
  }

  /**
   * An error in this row (in a column, when given). `variant` picks one of the code's wordings in
   * the message catalog (messages.ts): bad_credit_code.check_digit.
   */
  fail(column: MappedColumn | undefined, code: string, params: Params = {}, variant?: string): void {
    this.failed = true;
    this.issues.error({
      sheet: this.sheet, row: this.row, column: column?.header ?? null, value: column ? cellDisplay(this.cell(column)) : null,
      code, msg: variant ? `${code}.${variant}` : code, params, at: 'cell',
    });
  }

  warn(column: MappedColumn | undefined, code: string, params: Params = {}, variant?: string): void {
    this.issues.warn({
      sheet: this.sheet, row: this.row, column: column?.header ?? null, value: column ? cellDisplay(this.cell(column)) : null,
      code, msg: variant ? `${code}.${variant}` : code, params, at: 'row',
    });
  }
}

/** Collects entries across the sheets of a file; the same key twice is an error naming both rows. */
export class EntrySink {
  readonly entries: IngestEntry[] = [];
  /** key → sheet number × 2^21 + row: one number per key, not an object, for 200,000-row files */
  private readonly seen = new Map<string, number>();
  private readonly sheets: string[] = [];
  private readonly reportedPairs = new Set<string>();

  private sheetNumber(sheet: string): number {
    const at = this.sheets.lastIndexOf(sheet);
    return at >= 0 ? at : this.sheets.push(sheet) - 1;
  }

  /**
   * Marks a key as given by this row; false (with a duplicate_key error) when an earlier row gave it.
   * Records claim their key before their other cells are checked, so a duplicate id is reported even
   * on a row that has other errors. `what` names the repeated thing; a figure's label loses its last
   * part ("城中区 · 8月 · 工业投资" → "城中区 · 8月"): the row repeats, not only one figure.
   */
  claim(scope: RowScope, idColumn: MappedColumn | undefined, key: string, what: string): boolean {
    const here = this.sheetNumber(scope.sheet) * ROW_SPAN + scope.row;
    const first = this.seen.get(key);
    if (first === undefined) {
      this.seen.set(key, here);
      return true;
    }
    if (first === here) return true;
    const pair = `${first}:${here}`;
    if (!this.reportedPairs.has(pair)) {
      this.reportedPairs.add(pair);
      const firstSheet = this.sheets[Math.floor(first / ROW_SPAN)]!;
      const name = what.includes(' · ') ? what.replace(/ · [^·]*$/, '') : what;
      const params = { name, first: first % ROW_SPAN, second: scope.row };
      scope.fail(idColumn, 'duplicate_key', firstSheet === scope.sheet ? params : { ...params, firstSheet });
    }
    return false;
  }

  add(scope: RowScope, idColumn: MappedColumn | undefined, entry: { key: string; value: string; label: string; labelEn?: string; column?: string } & EntryParts): void {
    if (!this.claim(scope, idColumn, entry.key, entry.label)) return;
    // assigned, not spread: 200,000 entries of one shape stay one hidden class
    const added = entry as IngestEntry;
    added.sheet = scope.sheet;
    added.row = scope.row;
    this.entries.push(added);
  }

  /**
   * A record, stored whole as the JSON of `record` (made when the value is asked for: RecordEntry),
   * from a row whose claim of the key succeeded: records claim their key before anything else.
   */
  addRecord(scope: RowScope, entry: { key: string; record: object; label: string; column?: string }): void {
    this.entries.push(new RecordEntry(entry.key, entry.record, entry.label, scope.sheet, scope.row, entry.column));
  }
}

/**
 * A record read from a file (a claim, a listed enterprise): its JSON is made when asked for — by the
 * commit, or by a preview comparing it with a stored record — not for every row read. A preview
 * of 100,000 new claims never needs it, and the record's fields are mostly strings the file's
 * cells already hold, where the JSON would be a copy of them all.
 */
class RecordEntry implements IngestEntry {
  constructor(
    readonly key: string,
    private readonly record: object,
    readonly label: string,
    readonly sheet: string,
    readonly row: number,
    readonly column: string | undefined,
  ) {}

  get value(): string {
    return JSON.stringify(this.record);
  }
}

/** Excel's last row is 1,048,576 (2^20): row numbers fit below 2^21. */
const ROW_SPAN = 2 ** 21;
