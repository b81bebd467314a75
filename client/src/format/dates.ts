/**
 * Dates and times as Chinese offices write them, always in China Standard Time so a screen in any
 * time zone shows the same clock as the printed table.
 */
const TZ = 'Asia/Shanghai';

function parts(iso: string | Date): Record<string, string> | null {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  const fmt = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  for (const p of fmt.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** "2026-08-15 14:03" */
export function formatDateTime(iso: string | Date | null | undefined): string {
  if (!iso) return '—';
  const p = parts(iso);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '—';
}

/** "14:03:09", for the wall-screen clock. */
export function formatClock(date: Date): string {
  const p = parts(date);
  return p ? `${p.hour}:${p.minute}:${p.second}` : '';
}

/** "30 September 2026", the English print's date line. */
export function formatEnglishDate(iso: string | Date): string {
  const p = parts(iso);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return p ? `${Number(p.day)} ${months[Number(p.month) - 1]} ${Number(p.year)}` : '';
}

/** "2026年9月30日", for signatures on printed tables. */
export function formatChineseDate(iso: string | Date): string {
  const p = parts(iso);
  return p ? `${Number(p.year)}年${Number(p.month)}月${Number(p.day)}日` : '';
}
