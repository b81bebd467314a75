/**
 * The statisticians' upload reader (SPEC §8, §17): parse.ts reads a file into keyed entries and
 * issues; offThread.ts does the same for large files in a worker thread, which keeps the entries
 * until a commit needs them (uploadRead.ts); kinds/ holds each upload
 * kind; messages.ts words the issues in Chinese or English.
 */
export type { IngestEntry } from './entries';
export { MAX_ROWS, MAX_UPLOAD_BYTES } from './limits';
export { plausibilityWarnings } from './plausibility';
export { buildTemplate } from './template';
export { languageOf, renderIssue, renderIssues, renderMessage, type Issue, type Lang } from './messages';
export { parseUpload, type IngestResult, type ParseInput } from './parse';
export { readUpload } from './offThread';
export type { UploadRead } from './uploadRead';
