import type { UploadChange, UploadError } from '@scoreboard/shared';
import { useI18n } from '../../i18n/I18nProvider';
import { TableRegion } from '../../ui/TableRegion';
import { langOfData } from '../../ui/Interpolate';
import { MarkedText } from '../../ui/Interpolate';

/** Every error of a refused file, so a statistician can go to the cell and fix it. */
export function ErrorsTable({ errors, caption, testId }: { errors: readonly UploadError[]; caption: string; testId: string }) {
  const { t } = useI18n();
  return (
    <TableRegion label={caption}>
    <table className="data-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('uploads.sheet')}</th>
          <th scope="col" className="num">{t('uploads.row')}</th>
          <th scope="col">{t('uploads.column')}</th>
          <th scope="col">{t('uploads.value')}</th>
          <th scope="col">{t('uploads.message')}</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e, i) => (
          <tr key={i}>
            <td lang={langOfData(e.sheet)}>{e.sheet}</td>
            <td className="num">{e.row ?? '—'}</td>
            <td lang={langOfData(e.column)}>{e.column ?? '—'}</td>
            <td><code lang={langOfData(e.value)}>{e.value ?? ''}</code></td>
            <td><MarkedText text={e.message} /></td>
          </tr>
        ))}
      </tbody>
    </table>
    </TableRegion>
  );
}

/** What a commit would change, old → new. */
export function ChangesTable({ changes }: { changes: readonly UploadChange[] }) {
  const { t } = useI18n();
  return (
    <TableRegion label={t('uploads.changes')} tall>
      <table className="data-table" data-testid="changes-table">
        <caption>{t('uploads.changes')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('uploads.item')}</th>
            <th scope="col" className="num">{t('uploads.old')}</th>
            <th scope="col" className="num">{t('uploads.new')}</th>
            <th scope="col">{t('uploads.change')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.key} className={`change-${c.change}`}>
              <th scope="row"><MarkedText text={c.label} /></th>
              <td className="num">{c.old ?? '—'}</td>
              <td className="num">{c.new ?? '—'}</td>
              <td>{t(`uploads.change.${c.change}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
