import { compact } from './cells';
import type { KindSpec } from './columns';
import { headerMonth, matchCells, NOTE_UNIT, satisfies, splitHeader, type HeaderCell, type HeaderMatch } from './headers';
import type { SheetRow } from './sheet';

/**
 * Two-row (grouped) headers, as Chinese statistical tables are often laid out: a group label merged
 * across its columns ("规上工业总产值（万元）") above sub-headers ("目标" / "完成", "本年累计" / "累计增速（%）").
 * Each column's header is then the group label and its sub-header together: "规上工业总产值" + "目标"
 * names 规上工业总产值目标; the group's unit (万元, 亿元) applies to its sub-columns unless they name one.
 */

/** A label merged (or copied) across the whole row is a title, not a group of some columns. */
function isTitleRow(row: SheetRow): boolean {
  const texts = new Set(row.cells.flatMap((c) => (c.kind === 'text' ? [c.text] : [])));
  return texts.size <= 1;
}

function groupedCell(index: number, group: string, sub: string): HeaderCell {
  const top = splitHeader(group);
  const below = splitHeader(sub);
  const names = top.names.flatMap((g) => below.names.flatMap((s) => [g + s, s + g]));
  // The sub-header alone is a fallback ("累计增速（%）" under a 产值 group), except under a prior-year
  // group: "上年同期" over "规上工业总产值" must never be read as this year's figure.
  const priorYear = /上年|去年|同期|上期/.test(group);
  // the sub-header's own unit wins: "累计增速（%）" under "规上工业总产值（万元）" is a percentage
  return { index, header: `${group}/${sub}`, names, unit: below.unit ?? top.unit, fallbackNames: priorYear ? [] : below.names, dated: datedNames(group, sub, priorYear) };
}

/** "1-8月累计" under a group, or "2026年1-8月" over sub-headers: the names without the month. */
function datedNames(group: string, sub: string, priorYear: boolean): HeaderCell['dated'] {
  const inSub = headerMonth(sub);
  const inGroup = inSub ? null : headerMonth(group);
  if (!inSub && !inGroup) return undefined;
  const top = splitHeader(inGroup ? inGroup.rest : group).names;
  const below = splitHeader(inSub ? inSub.rest : sub).names;
  const names = top.flatMap((g) => below.flatMap((b) => [g + b, b + g]));
  return { names, fallbackNames: priorYear ? [] : below.filter((b) => b !== ''), month: (inSub ?? inGroup)!.month };
}

/**
 * The header cells of `upper` read together with the sub-headers of `lower`, the row just below. A
 * group label covers the columns to its right whose upper cell is blank (an unmerged sheet or CSV
 * writes it once), while they have a sub-header; a cell written in one row only is a header alone.
 */
export function groupedHeaderCells(upper: SheetRow, lower: SheetRow): HeaderCell[] {
  const cells: HeaderCell[] = [];
  const width = Math.max(upper.cells.length, lower.cells.length);
  let group: string | null = null;
  for (let index = 0; index < width; index++) {
    const top = upper.cells[index];
    const below = lower.cells[index];
    const topText = top?.kind === 'text' && !NOTE_UNIT.test(compact(top.text)) ? top.text : null;
    const subText = below?.kind === 'text' ? below.text : null;
    if (topText !== null && subText !== null && topText !== subText) {
      group = topText;
      cells.push(groupedCell(index, topText, subText));
    } else if (topText === null && subText !== null && group !== null) {
      cells.push(groupedCell(index, group, subText));
    } else {
      // one header over both rows: merged down ("单位" in both), or written in one row only
      group = null;
      const alone = topText ?? subText;
      if (alone !== null) {
        const { names, unit } = splitHeader(alone);
        cells.push({ index, header: alone, names, unit, fallbackNames: [] });
      }
    }
  }
  return cells;
}

/** A sub-header row holds only words: a first data row has figures (or names a unit where 单位 stands). */
function isWordsOnly(row: SheetRow): boolean {
  return row.cells.every((c) => c.kind === 'text' || c.kind === 'blank');
}

function matchGrouped(spec: KindSpec, rows: readonly SheetRow[], index: number): HeaderMatch | null {
  const upper = rows[index]!;
  const lower = rows[index + 1];
  // the two header rows are adjacent in the spreadsheet, and the upper one groups some columns
  if (!lower || lower.row !== upper.row + 1 || isTitleRow(upper) || !isWordsOnly(lower)) return null;
  const match = matchCells(spec, groupedHeaderCells(upper, lower), upper.row, index + 1);
  return match.groupedColumns > 0 && satisfies(spec, match) ? match : null;
}

/**
 * The header starting at rows[index], if any: the row alone, or the row with the sub-headers below.
 * A row can satisfy the kind alone ("规上工业总产值（万元）" over its one sub-column "本月止累计"); its
 * sub-header row is then the header's second row, never a data row, so the grouped reading wins
 * whenever it maps as many columns, and the row below is words only, and the unit/industry cell below
 * is empty or merged down from the header (a data row names a unit there).
 */
export function chooseHeader(spec: KindSpec, rows: readonly SheetRow[], index: number, single: HeaderMatch): HeaderMatch | null {
  const grouped = matchGrouped(spec, rows, index);
  if (!satisfies(spec, single)) return grouped;
  if (!grouped || grouped.columns.length < single.columns.length) return single;
  const idColumn = single.columns.find((c) => c.spec.type === 'unit' || c.spec.type === 'industry');
  const below = idColumn ? rows[index + 1]!.cells[idColumn.index] : undefined;
  const idBelow = below?.kind === 'text' ? below.text : null;
  return idBelow === null || idBelow === idColumn?.header ? grouped : single;
}
