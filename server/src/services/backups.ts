import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Backups (SPEC.md §18): an online copy through SQLite's backup API, checked with
 * PRAGMA integrity_check, kept under its final name only once the check has passed. Used by the
 * server's own schedule (createBackupScheduler) and by `npm run backup` (cli/backup.ts).
 */

const DURATION = /^(\d+)\s*(s|m|h|d)$/;
const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "24h", "30m", "10s", "7d" → milliseconds; null when the text is none of those. */
export function parseDuration(text: string): number | null {
  const match = DURATION.exec(text.trim());
  if (!match) return null;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return ms > 0 ? ms : null;
}

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');
// Plain CommonJS run with `eval`, so it needs no TypeScript loader in the worker.
const INTEGRITY_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try { parentPort.postMessage(String(db.pragma('integrity_check', { simple: true }))); } finally { db.close(); }
`;

/**
 * PRAGMA integrity_check of a database file, in a worker thread: it reads every page, which on a
 * large file takes long enough that the server's event loop (dashboards, SSE) must not wait for it.
 */
export function integrityCheck(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(INTEGRITY_WORKER, { eval: true, workerData: { module: BETTER_SQLITE3, file } });
    let answer: string | null = null;
    worker.once('message', (m: string) => (answer = m));
    worker.once('error', reject);
    worker.once('exit', (code) => (answer === null ? reject(new Error(`integrity_check worker exited with ${code}`)) : resolve(answer)));
  });
}

export interface BackupOutcome {
  pages: number;
  sizeBytes: number;
  integrity: string;
}

/**
 * Copies `source` (an open connection — the server's own — or a database file) to `target`:
 * SQLite's online backup, page by page, so the server keeps serving and writing; then
 * integrity_check on the copy. The copy is written as `<target>.partial` and renamed only when
 * the check has passed, so a file with the final name is always a checked backup.
 */
export async function backupDatabase(source: Database.Database | string, target: string): Promise<BackupOutcome> {
  if (typeof source === 'string' && !existsSync(source)) throw new Error(`数据库文件不存在：${source}`);
  if (existsSync(target)) throw new Error(`备份文件已存在，不会覆盖：${target}`);
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  const db = typeof source === 'string' ? new Database(source, { fileMustExist: true }) : source;
  try {
    if (typeof source === 'string') db.pragma('busy_timeout = 5000');
    let pages = 0;
    await db.backup(partial, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return 1000; // pages per step: lets the server's own work interleave
      },
    });
    // The copy takes the live database's WAL mode; as a file on its own it must not need -wal/-shm
    // files beside it (opening it would make them): one self-contained file, journal_mode DELETE.
    const copy = new Database(partial);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const integrity = await integrityCheck(partial);
    if (integrity !== 'ok') throw new Error(`备份文件完整性检查失败（integrity_check）：${integrity}`);
    renameSync(partial, target);
    return { pages, sizeBytes: statSync(target).size, integrity };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    if (typeof source === 'string') db.close();
  }
}

// scoreboard-2026-11-28T23-01-02.345Z.sqlite: sorts by time, and names the moment (UTC) it was taken.
const SCHEDULED_NAME = /^scoreboard-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z\.sqlite$/;
export const scheduledBackupName = (at: Date) => `scoreboard-${at.toISOString().replace(/:/g, '-')}.sqlite`;

export interface BackupFile {
  file: string;
  at: string;
  sizeBytes: number;
}

/** The scheduled backups in `dir`, newest first; other files (a manual `npm run backup`) are left out. */
export function listScheduledBackups(dir: string): BackupFile[] {
  // Not there (yet), or not a directory: no backups — the next run reports why it cannot write.
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .map((file) => ({ file, match: SCHEDULED_NAME.exec(file) }))
    .filter((f): f is { file: string; match: RegExpExecArray } => f.match !== null)
    .map(({ file, match }) => ({
      file,
      at: `${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`,
      sizeBytes: statSync(join(dir, file)).size,
    }))
    .sort((a, b) => (a.file < b.file ? 1 : -1));
}

export interface BackupSettings {
  dir: string;
  everyMs: number;
  keep: number;
}

export interface BackupRun {
  ok: boolean;
  at: string;
  file: string | null;
  sizeBytes: number | null;
  durationMs: number;
  error: string | null;
}

export interface BackupStatus {
  enabled: boolean;
  dir: string | null;
  everySeconds: number | null;
  keep: number | null;
  running: boolean;
  nextAt: string | null;
  last: BackupRun | null;
}

export interface BackupLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/**
 * The server's own backups: every `everyMs` into `dir`, keeping the newest `keep`. The first is
 * due one interval after the newest backup already in `dir` — at once when there is none, or when
 * it is older than that — so a restart neither skips nor doubles a backup.
 */
export function createBackupScheduler(deps: { db: Database.Database; settings: BackupSettings | null; log: BackupLog; now?: () => number }) {
  const now = deps.now ?? Date.now;
  const settings = deps.settings;
  let timer: NodeJS.Timeout | null = null;
  let nextAt: number | null = null;
  let running: Promise<BackupRun> | null = null;
  let last: BackupRun | null = null;
  let stopped = false;

  if (settings) {
    // Every file with the final name passed its check (backupDatabase), so the newest one on disk
    // is a good last result to show after a restart.
    const newest = listScheduledBackups(settings.dir)[0];
    if (newest) last = { ok: true, at: newest.at, file: newest.file, sizeBytes: newest.sizeBytes, durationMs: 0, error: null };
  }

  function prune(dir: string, keep: number): void {
    for (const old of listScheduledBackups(dir).slice(keep)) rmSync(join(dir, old.file), { force: true });
  }

  async function run(): Promise<BackupRun> {
    if (!settings) throw new Error('scheduled backups are off (BACKUP_DIR is not set)');
    const started = now();
    const at = new Date(started);
    let result: BackupRun;
    try {
      mkdirSync(settings.dir, { recursive: true });
      const file = scheduledBackupName(at);
      const outcome = await backupDatabase(deps.db, join(settings.dir, file));
      prune(settings.dir, settings.keep);
      result = { ok: true, at: at.toISOString(), file, sizeBytes: outcome.sizeBytes, durationMs: now() - started, error: null };
      deps.log.info({ backup: result }, 'scheduled backup done (integrity_check ok)');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result = { ok: false, at: at.toISOString(), file: null, sizeBytes: null, durationMs: now() - started, error: message };
      deps.log.error({ backup: result }, 'scheduled backup FAILED');
    }
    last = result;
    return result;
  }

  function schedule(delayMs: number): void {
    if (stopped || !settings) return;
    nextAt = now() + delayMs;
    timer = setTimeout(() => {
      timer = null;
      void runNow().finally(() => schedule(settings.everyMs));
    }, delayMs);
    timer.unref();
  }

  /** A backup now (one at a time: a second call while one runs gets that one's result). */
  function runNow(): Promise<BackupRun> {
    running ??= run().finally(() => (running = null));
    return running;
  }

  return {
    start(): void {
      if (!settings || stopped || timer) return;
      const newest = listScheduledBackups(settings.dir)[0];
      const due = newest ? Date.parse(newest.at) + settings.everyMs : now();
      schedule(Math.max(0, due - now()));
    },
    /** Stops the schedule and waits for a backup in progress, so the database can close under it. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      nextAt = null;
      await running?.catch(() => undefined);
    },
    runNow,
    status(): BackupStatus {
      return {
        enabled: settings !== null,
        dir: settings?.dir ?? null,
        everySeconds: settings ? settings.everyMs / 1000 : null,
        keep: settings?.keep ?? null,
        running: running !== null,
        nextAt: nextAt === null ? null : new Date(nextAt).toISOString(),
        last,
      };
    },
    list: (): BackupFile[] => (settings ? listScheduledBackups(settings.dir) : []),
  };
}
export type BackupScheduler = ReturnType<typeof createBackupScheduler>;
