/**
 * Limits on what an upload may cost the server (SPEC.md §8: 20 MiB a file, 200,000 rows, and a
 * decompressed-size cap against zip bombs). An XLSX is a zip; a real one of 20 MiB inflates to well
 * under 200 MiB, so anything past these caps is refused before the spreadsheet library sees it.
 */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 200_000;
export const MAX_ZIP_ENTRIES = 1_000;
export const MAX_INFLATED_TOTAL = 200 * 1024 * 1024;
export const MAX_INFLATED_ENTRY = 100 * 1024 * 1024;
/** The header row is looked for in the first rows only: title rows and notes sit above it. */
export const HEADER_SCAN_ROWS = 20;
/** Rows a sheet may hold: the data rows plus the title and header rows above them. */
export const MAX_SHEET_ROWS = MAX_ROWS + HEADER_SCAN_ROWS;
/** Past this many errors the rest are counted, not listed: nobody reads 200,000 lines. */
export const MAX_LISTED_ERRORS = 1_000;

/**
 * A worker thread (a parse, or an evaluation of many claims) may not grow its heap past this: far
 * beyond any real upload within the 20 MiB limit, and what the server's own heap could spare.
 */
export const WORKER_HEAP_MB = 1536;
