import type { Translate } from '../../i18n/translate';

/** "每 24 小时" / "every 30 min": BACKUP_EVERY as a person says it. */
export function everyText(seconds: number, t: Translate): string {
  if (seconds % 86_400 === 0) return t('ops.backup.everyDays', { n: seconds / 86_400 });
  if (seconds % 3_600 === 0) return t('ops.backup.everyHours', { n: seconds / 3_600 });
  if (seconds % 60 === 0) return t('ops.backup.everyMinutes', { n: seconds / 60 });
  return t('ops.backup.everySeconds', { n: seconds });
}

/** 1.4 MB, 820 KB: a backup file's size. */
export function sizeText(bytes: number | null): string {
  if (bytes === null) return '—';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
