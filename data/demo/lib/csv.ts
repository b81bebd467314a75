/**
 * CSV as Excel saves it ("CSV UTF-8"): a byte-order mark, CRLF line ends, every row padded to the
 * width of the sheet's used range, fields quoted only when they must be. The reader is the
 * generator's own, used by the self-check to read the files back exactly as written.
 */
export type CsvRow = readonly string[];

const BOM = '\uFEFF';

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

export function toExcelCsv(rows: readonly CsvRow[]): string {
  const width = Math.max(...rows.map((r) => r.length));
  const lines = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')].map(quote).join(','));
  return BOM + lines.join('\r\n') + '\r\n';
}

/** Parses CSV text (RFC 4180 quoting, CRLF or LF), dropping a leading BOM. */
export function parseCsv(text: string): string[][] {
  const src = text.startsWith(BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (inQuotes) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * The data records under the header row, found by its headers (the title and note rows above it are
 * skipped, as the server's reader does), as objects keyed by header. Empty rows are dropped.
 */
export function readTable(text: string, headers: readonly string[]): { headerRow: number; records: Record<string, string>[] } {
  const rows = parseCsv(text);
  const index = rows.findIndex((r) => headers.every((h) => r.includes(h)));
  if (index < 0) throw new Error(`no header row with ${headers.join(', ')}`);
  const header = rows[index]!;
  const records = rows
    .slice(index + 1)
    .filter((r) => r.some((c) => c.trim() !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, (r[i] ?? '').trim()])));
  return { headerRow: index + 1, records };
}
