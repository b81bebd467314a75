import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The JavaScript a first visit to `/` downloads: the entry script of client/dist/index.html and
 * every chunk it preloads (Vite writes <link rel="modulepreload"> for static imports); lazily
 * loaded pages are not counted because `/` does not fetch them until they are visited.
 */
export function firstLoadJs(dist: string): { files: string[]; gzipKiB: number; rawKiB: number } | null {
  const indexPath = join(dist, 'index.html');
  if (!existsSync(indexPath)) return null;
  const html = readFileSync(indexPath, 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const files = [...new Set(srcs)];
  let gz = 0;
  let raw = 0;
  for (const f of files) {
    const data = readFileSync(join(dist, f.replace(/^\//, '')));
    raw += data.length;
    gz += gzipSync(data, { level: 9 }).length;
  }
  return { files, gzipKiB: gz / 1024, rawKiB: raw / 1024 };
}
