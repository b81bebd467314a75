import type { Batch } from '@scoreboard/shared';
import { useRevert } from '../../api/mutations';
import { useBatchesQuery } from '../../api/queries';
import { actorName } from '../../format/actors';
import { formatDateTime } from '../../format/dates';
import { formatNumber } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { QueryState } from '../../ui/QueryState';
import { TableRegion } from '../../ui/TableRegion';
import { langOfData } from '../../ui/Interpolate';

/** Every batch kept for ever (SPEC §8); any one can be reverted, after a confirmation. */
export function BatchHistory({ policyId }: { policyId: string }) {
  const { t } = useI18n();
  const batches = useBatchesQuery(policyId);
  const revert = useRevert(policyId);
  const row = (b: Batch) => (
    <tr key={b.batchId} data-batch={b.batchId}>
      <td className="num">{b.batchId}</td>
      <td>{t(`kind.${b.kind}`)}</td>
      <td className="file-name" lang={langOfData(b.fileName)}>{b.fileName}</td>
      <td className="num">{formatNumber(b.rows)}</td>
      <td className="num">{formatNumber(b.keys)}</td>
      <td>{actorName(b.uploadedBy, t)}</td>
      <td>{formatDateTime(b.uploadedAt)}</td>
      <td>
        {b.revertedAt ? (
          <span className="chip chip-muted">{t('uploads.reverted', { by: actorName(b.revertedBy ?? '', t), at: formatDateTime(b.revertedAt) })}</span>
        ) : (
          <span className="chip chip-ok">{t('uploads.active')}</span>
        )}
      </td>
      <td>
        {!b.revertedAt && (
          <ConfirmButton
            label={t('uploads.revert')}
            question={t('uploads.revertConfirm', { batchId: b.batchId })}
            danger
            disabled={revert.isPending}
            onConfirm={() => revert.mutate(b.batchId)}
          />
        )}
      </td>
    </tr>
  );
  return (
    <div className="card">
      <h2>{t('uploads.history')}</h2>
      <ErrorNotice error={revert.error} />
      <QueryState query={batches}>
        {(data) => (
          <TableRegion label={t('uploads.history')}>
            <table className="data-table table-actions" data-testid="batches-table">
              <thead>
                <tr>
                  <th scope="col" className="num">{t('uploads.batch')}</th>
                  <th scope="col">{t('uploads.kind')}</th>
                  <th scope="col">{t('uploads.fileName')}</th>
                  <th scope="col" className="num">{t('uploads.rows')}</th>
                  <th scope="col" className="num">{t('uploads.keys')}</th>
                  <th scope="col">{t('uploads.by')}</th>
                  <th scope="col">{t('uploads.at')}</th>
                  <th scope="col">{t('uploads.state')}</th>
                  <th scope="col"><span className="sr-only">{t('uploads.revert')}</span></th>
                </tr>
              </thead>
              <tbody>{[...data.batches].sort((a, b) => b.batchId - a.batchId).map(row)}</tbody>
            </table>
          </TableRegion>
        )}
      </QueryState>
    </div>
  );
}
