import { readFileSync } from 'node:fs';

/** The release, from the repository's package.json (GET /api/health, the log's first line). */
export const VERSION: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
