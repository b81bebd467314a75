import { useState } from 'react';
import type { PeriodGapItem } from '@scoreboard/shared';
import { useI18n } from '../../i18n/I18nProvider';
import { usePolicy } from '../../layout/policy';
import { missingLabel } from '../../policy/wording';

/**
 * The server refused to finalize (409 period_incomplete): which units lack the period's last month,
 * and — for a leader who must finalize anyway — a written reason, which the final table, the print
 * and the audit log keep.
 */
export function IncompletePeriod({ gaps, pending, onOverride }: { gaps: readonly PeriodGapItem[]; pending: boolean; onOverride: (reason: string) => void }) {
  const { t, lang } = useI18n();
  const { policy } = usePolicy();
  const [reason, setReason] = useState('');
  return (
    <div className="card notice-warn" data-testid="period-incomplete">
      <p>{t('awards.incomplete.title')}</p>
      <ul>
        {gaps.map((g) => (
          <li key={g.unitId}>
            {t('awards.incomplete.unit', {
              unit: g.unitName,
              month: t('common.month', { month: g.month }),
              missing: g.missing.map((m) => missingLabel(policy, m, t, lang)).join(lang === 'en' ? ', ' : '、'),
            })}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onOverride(reason.trim());
        }}
      >
        <div className="field">
          <label htmlFor="override-reason">{t('awards.override.label')}</label>
          <textarea id="override-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} minLength={4} maxLength={1000} required />
        </div>
        <button type="submit" className="button button-danger" disabled={pending}>{t('awards.override.submit')}</button>
      </form>
    </div>
  );
}
