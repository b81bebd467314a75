import { useBackupsQuery, useRunBackup } from '../../api/operations';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { QueryState } from '../../ui/QueryState';
import { everyText, sizeText } from './backupText';
import { TableRegion } from '../../ui/TableRegion';

/** Scheduled backups on /admin (SPEC.md §18): the schedule, the last result, the files kept. */
export function BackupStatus() {
  const { t } = useI18n();
  const backups = useBackupsQuery(true);
  const run = useRunBackup();
  return (
    <div className="card" data-testid="backup-status">
      <h2>{t('ops.backup.title')}</h2>
      <QueryState query={backups}>
        {(b) =>
          !b.enabled ? (
            <p className="notice notice-warn" role="status">{t('ops.backup.off')}</p>
          ) : (
            <>
              <p>
                {t('ops.backup.schedule', { every: everyText(b.everySeconds ?? 0, t), keep: b.keep ?? 0 })}{' '}
                <span className="muted">{t('ops.backup.dir', { dir: b.dir ?? '' })}</span>
              </p>
              {b.last === null ? (
                <p className="muted">{t('ops.backup.none')}</p>
              ) : b.last.ok ? (
                <p className="notice notice-ok" role="status" data-testid="backup-last">
                  {t('ops.backup.lastOk', { at: formatDateTime(b.last.at), size: sizeText(b.last.sizeBytes) })}
                </p>
              ) : (
                <p className="notice notice-error" role="alert" data-testid="backup-last">
                  {t('ops.backup.lastFailed', { at: formatDateTime(b.last.at), error: b.last.error ?? '' })}
                </p>
              )}
              <div className="toolbar">
                <span className="muted">{t('ops.backup.next', { at: formatDateTime(b.nextAt) })}</span>
                <button type="button" className="button" disabled={run.isPending || b.running} onClick={() => run.mutate()}>
                  {run.isPending || b.running ? t('ops.backup.running') : t('ops.backup.now')}
                </button>
                <ErrorNotice error={run.error} />
              </div>
              {b.files.length > 0 && (
                <TableRegion label={t('ops.backup.files')}>
                  <table className="data-table">
                    <caption className="sr-only">{t('ops.backup.files')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('ops.backup.file')}</th>
                        <th scope="col">{t('admin.at')}</th>
                        <th scope="col">{t('ops.backup.size')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {b.files.map((f) => (
                        <tr key={f.file}>
                          <td><code>{f.file}</code></td>
                          <td>{formatDateTime(f.at)}</td>
                          <td>{sizeText(f.sizeBytes)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
              )}
              <p className="muted">{t('ops.backup.restoreHint')}</p>
            </>
          )
        }
      </QueryState>
    </div>
  );
}
