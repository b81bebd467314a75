import { LogController, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';

/**
 * The server's log (SPEC.md §18): pino's JSON lines for machines (journald, a log shipper), or —
 * when a person runs it at a terminal — one short readable line per request:
 *
 *   12:01:02 GET /api/policies/<policyId>/ranking 200 3.1 ms
 *   12:01:05 WARN  client/dist not built: serving the API only
 *
 * Both come from the same pino records; the readable form is only a different printer, so nothing
 * logged in one is missing from the other (fields that are not shown inline follow as key=value).
 */
export type LogFormat = 'pretty' | 'json';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };
const COLORS: Record<number, string> = { 40: '\x1b[33m', 50: '\x1b[31m', 60: '\x1b[41;97m' };
const RESET = '\x1b[0m';
// pino's own fields and the ones a request line shows inline
const BASE_FIELDS = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'reqId', 'req', 'res', 'responseTime', 'err']);

const pad = (n: number) => String(n).padStart(2, '0');
function clock(time: unknown): string {
  const d = typeof time === 'number' ? new Date(time) : new Date();
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function extras(record: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (BASE_FIELDS.has(key) || value === undefined) continue;
    parts.push(`${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  }
  return parts.length ? ` ${parts.join(' ')}` : '';
}

/** One pino JSON line → one readable line (plus an error's stack). Lines that are not JSON pass through. */
export function formatLogLine(line: string, color = false): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line.endsWith('\n') ? line : `${line}\n`;
  }
  const level = typeof record.level === 'number' ? record.level : 30;
  const paint = (text: string) => (color && COLORS[level] ? `${COLORS[level]}${text}${RESET}` : text);
  const req = record.req as { method?: string; url?: string } | undefined;
  const res = record.res as { statusCode?: number } | undefined;
  if (req?.method && res?.statusCode !== undefined && typeof record.responseTime === 'number') {
    const status = res.statusCode >= 500 ? paint(String(res.statusCode)) : String(res.statusCode);
    return `${clock(record.time)} ${req.method} ${req.url ?? ''} ${status} ${record.responseTime.toFixed(1)} ms\n`;
  }
  const name = (LEVELS[level] ?? String(level)).padEnd(5);
  let text = `${clock(record.time)} ${paint(name)} ${String(record.msg ?? '')}${extras(record)}\n`;
  const err = record.err as { stack?: string; message?: string } | undefined;
  if (err) text += `${err.stack ?? err.message ?? JSON.stringify(err)}\n`;
  return text;
}

/** Fastify's logger options for LOG_LEVEL and LOG_FORMAT. */
export function loggerOptions(level: string, format: LogFormat, out: NodeJS.WriteStream = process.stdout): FastifyServerOptions['logger'] {
  if (format === 'json') return { level };
  const color = out.isTTY === true;
  return { level, stream: { write: (line: string) => void out.write(formatLogLine(line, color)) } };
}

/**
 * One log record per request, when it has been answered, instead of Fastify's two ("incoming
 * request", "request completed" without the path): method, path, status and time — never the
 * body, which may carry a password or a webhook secret.
 */
export class OneRecordPerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    // Fastify's serializers turn these into { method, url, host, remoteAddress } and { statusCode }.
    const record = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...record, err: error }, 'request errored');
    else reply.log.info(record, 'request completed');
  }
}
