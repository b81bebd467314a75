import { useState } from 'react';
import type { RankingRow } from '@scoreboard/shared';
import { useDisqualification } from '../../api/mutations';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePolicy } from '../../layout/policy';

/** 一票否决 on / off for one unit (leader; SPEC §4: keeps its score, its place passes down). */
export function DisqualifyControl({ policyId, row, open, onOpen }: {
  policyId: string;
  row: RankingRow;
  open: boolean;
  onOpen: (open: boolean) => void;
}) {
  const { t } = useI18n();
  const { names } = usePolicy();
  const mutation = useDisqualification(policyId);
  const [reason, setReason] = useState('');
  if (row.disqualified) {
    return (
      <>
        <ConfirmButton
          label={t('ranking.undisqualify')}
          question={t('ranking.undisqualifyConfirm', { unit: names.unit(row.unitId, row.unitName) })}
          disabled={mutation.isPending}
          onConfirm={() => mutation.mutate({ unitId: row.unitId, reason: null })}
        />
        <ErrorNotice error={mutation.error} />
      </>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => onOpen(true)}>
        {t('ranking.disqualify')}
      </button>
    );
  }
  const id = `dq-${row.unitId}`;
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        mutation.mutate({ unitId: row.unitId, reason: reason.trim() }, { onSuccess: () => onOpen(false) });
      }}
    >
      <label htmlFor={id}>{t('ranking.reason')}</label>
      <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} minLength={2} maxLength={500} required />
      <button type="submit" className="button button-danger" disabled={mutation.isPending}>{t('common.confirm')}</button>
      <button type="button" className="button" onClick={() => onOpen(false)}>{t('common.cancel')}</button>
      <ErrorNotice error={mutation.error} />
    </form>
  );
}
