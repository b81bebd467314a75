import type { Policy, Registry, UploadKind } from '@scoreboard/shared';
import { EntrySink, type IngestEntry } from './entries';
import { allKindSpecs, kindModule } from './kinds';
import { specOf } from './kinds/kind';
import { readTables, type ReadTablesOptions } from './tables';
import { NotPlainXlsx } from './formats/xlsxStream';
import { Issues } from './issues';
import { readSheet } from './readSheet';
import { firstRows, TooManyRowsError } from './sheet';
import { TOO_MANY_ROWS } from './tables';
import type { Issue, Params } from './messages';

/**
 * The statisticians' upload reader (SPEC §8, §17): turns a spreadsheet or CSV file into keyed
 * entries, every error with its sheet, row and column, and warnings. It never throws for a bad file:
 * what cannot be read comes back as an error with row null and a message that says what to do.
 */
export interface ParseInput {
  kind: UploadKind;
  fileName: string;
  data: Buffer;
  policy: Policy;
  registry: Registry;
}

export interface IngestResult {
  kind: UploadKind;
  rowsRead: number;
  entries: IngestEntry[];
  /** in words of no language yet: render with renderIssues(…, lang) at the boundary */
  errors: Issue[];
  warnings: Issue[];
}

export async function parseUpload(input: ParseInput): Promise<IngestResult> {
  try {
    return readUpload(input, { plainXlsx: true });
  } catch (error) {
    // an .xlsx the streaming reader does not fully understand: read again, all of it, with SheetJS
    if (error instanceof NotPlainXlsx) return readUpload(input, { plainXlsx: false });
    throw error;
  }
}

function readUpload(input: ParseInput, options: ReadTablesOptions): IngestResult {
  const { kind, fileName, data } = input;
  const fail = (code: string, msg: string, params: Params): IngestResult => ({
    kind, rowsRead: 0, entries: [], warnings: [],
    errors: [{ sheet: fileName, row: null, column: null, value: null, code, msg, params, at: 'file' }],
  });
  try {
    const tables = readTables(fileName, data, options);
    if (!tables.ok) return fail(tables.code, tables.msg, tables.params);
    const issues = new Issues();
    const sink = new EntrySink();
    const module = kindModule(kind);
    const spec = specOf(module, input.policy);
    const others = allKindSpecs(input.policy);
    const readRow = module.reader({ policy: input.policy, registry: input.registry, sink });
    let rowsRead = 0;
    let headerSheet: string | null = null;
    const noHeader: { msg: string; params: Params }[] = [];
    const noHeaderSheets = new Set<string>();
    for (const table of tables.tables) {
      // a 填写说明 sheet (ours or a statistician's) lists the headers themselves: it is not data
      if (table.name.includes('说明')) continue;
      const read = readSheet({ spec, others, idField: module.idField, readRow, table, registry: input.registry, issues });
      if (read.found) {
        headerSheet ??= table.name;
        rowsRead += read.rowsRead;
      } else {
        noHeaderSheets.add(table.name);
        if (firstRows(table, 1).length > 0) noHeader.push(read);
      }
    }
    // SPEC §17: of several sheets, the one whose headers match is read, and the preview says which
    const candidates = tables.tables.filter((t) => !t.name.includes('说明'));
    if (headerSheet !== null && candidates.length > 1) {
      const quote = (names: string[], en: boolean) => names.map((n) => (en ? `"${n}"` : `“${n}”`)).join(en ? ', ' : '、');
      const read = candidates.filter((t) => !noHeaderSheets.has(t.name)).map((t) => t.name);
      const skipped = candidates.filter((t) => noHeaderSheets.has(t.name)).map((t) => t.name);
      issues.warnings.unshift({
        sheet: read[0]!, row: null, column: null, value: null, code: 'sheets_read', msg: 'sheets_read', at: 'file',
        params: { count: candidates.length, read: quote(read, false), readEn: quote(read, true), skipped: quote(skipped, false), skippedEn: quote(skipped, true) },
      });
    }
    if (headerSheet === null) {
      const why = noHeader[0] ?? { msg: 'no_header.empty', params: { file: fileName } };
      return fail('no_header', why.msg, why.params);
    }
    const { errors, warnings } = issues.finish(tables.tables[0]?.name ?? fileName);
    // headers and nothing under them to store (a blank template, or totals and notes only): say so,
    // rather than preview a batch of nothing; the warnings stay (a 示例 row skipped says why)
    if (errors.length === 0 && sink.entries.length === 0) return { ...fail('no_rows', 'no_rows', { sheet: headerSheet }), rowsRead, warnings };
    return { kind, rowsRead, entries: sink.entries, errors, warnings };
  } catch (error) {
    if (error instanceof NotPlainXlsx) throw error;
    if (error instanceof TooManyRowsError) return fail('too_many_rows', 'too_many_rows', TOO_MANY_ROWS);
    // the readers refuse bad files themselves; anything else is still the file's fault, not a crash
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
    return fail('unreadable_file', 'unreadable_file.unexpected', { file: fileName, detail });
  }
}
