import { z } from 'zod';
import { parseDuration, type BackupSettings } from './services/backups';

/** Environment of a running server (SPEC.md §11, "Configuration by environment"). */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('var/scoreboard.sqlite'),
  DEMO_DATA: z.enum(['0', '1']).default('1'),
  // Held to the password policy by the users service when it is used (services/users.ts bootstrap).
  ADMIN_PASSWORD: z.string().optional(),
  DATA_DIR: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
  // Scheduled backups (SPEC.md §18): off unless BACKUP_DIR is set.
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_EVERY: z.string().refine((v) => parseDuration(v) !== null, 'BACKUP_EVERY: a duration such as 24h, 30m, 10s or 7d').default('24h'),
  BACKUP_KEEP: z.coerce.number().int('BACKUP_KEEP: a whole number of backups to keep').min(1, 'BACKUP_KEEP: at least 1').default(14),
  // pretty: one readable line per request; json: pino's JSON lines. Default: pretty on a terminal.
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  // The address people open the dashboard at (https://…), for links in notifications.
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: 'PUBLIC_URL: an http(s) address such as https://scoreboard.example.gov.cn' }).optional(),
  // Session limits in milliseconds, for tests that must see a session end (e2e); the defaults are
  // the policy's 2 h idle and 12 h absolute (services/sessions.ts). Unset in production.
  SESSION_IDLE_MS: z.coerce.number().int().min(1000).optional(),
  SESSION_MAX_MS: z.coerce.number().int().min(1000).optional(),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+|[\w.:/]+(\s*,\s*[\w.:/]+)*)$/, 'TRUST_PROXY: true, false, a hop count, or proxy addresses/CIDRs separated by commas')
    .default('false'),
});

/**
 * TRUST_PROXY — set it only when the server sits behind a reverse proxy that terminates TLS (nginx,
 * a load balancer). Then X-Forwarded-Proto decides whether the request came over https (so the
 * session cookie gets `Secure`), X-Forwarded-For gives the client address (for the login rate
 * limit) and X-Forwarded-Host the host (for the same-site check on writes). Without it those headers
 * are ignored, because any client could forge them. Values, as Fastify's `trustProxy` reads them:
 *   false (default) · true: trust every hop — only when the server is reachable through the proxy
 *   alone · a number n: trust the n closest hops · "127.0.0.1" or "10.0.0.0/8,192.168.1.5": trust
 *   those proxy addresses only (the safest choice).
 */
export function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((part) => part.trim()).join(',');
}

export interface ServerConfig {
  port: number;
  host: string;
  databasePath: string;
  demoData: boolean;
  adminPassword: string | undefined;
  dataDir: string | undefined;
  logLevel: string;
  production: boolean;
  trustProxy: boolean | number | string;
  backups: BackupSettings | null;
  logFormat: 'pretty' | 'json';
  publicUrl: string | null;
  /** shorter session limits, only when SESSION_IDLE_MS / SESSION_MAX_MS are set */
  sessionLimits: { idleMs?: number; absoluteMs?: number };
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, stdoutIsTty: boolean = process.stdout.isTTY === true): ServerConfig {
  // Empty variables (PORT= in a .env file) mean "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid environment:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    demoData: e.DEMO_DATA === '1',
    adminPassword: e.ADMIN_PASSWORD,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    production: e.NODE_ENV === 'production',
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    backups: e.BACKUP_DIR ? { dir: e.BACKUP_DIR, everyMs: parseDuration(e.BACKUP_EVERY)!, keep: e.BACKUP_KEEP } : null,
    // a person at a terminal reads lines; journald, a pipe or a file gets JSON for machines
    logFormat: e.LOG_FORMAT ?? (stdoutIsTty ? 'pretty' : 'json'),
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    sessionLimits: { idleMs: e.SESSION_IDLE_MS, absoluteMs: e.SESSION_MAX_MS },
  };
}
