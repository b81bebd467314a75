import { useState } from 'react';
import { Link } from 'react-router';
import { periodIncompleteSchema, type PeriodGapItem } from '@scoreboard/shared';
import { ApiError } from '../../api/client';
import { useFinalize } from '../../api/mutations';
import { useAwardsQuery } from '../../api/queries';
import { IfRole } from '../../auth/session';
import { formatDateTime } from '../../format/dates';
import { formatNumber } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { PolicyBadges, usePolicy, usePolicyHref } from '../../layout/policy';
import { paymentConditionText, subsidyKindName } from '../../policy/wording';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { BilingualName } from '../../ui/Name';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { QueryState } from '../../ui/QueryState';
import { RevisedWarning } from '../../ui/RevisedWarning';
import { AwardBadge, TieBreakChip, UnpaidChip } from '../ranking/RankingTable';
import { countyAwardTotal } from './awardSummary';
import { BudgetSummary } from './BudgetSummary';
import { IncompletePeriod } from './IncompletePeriod';
import { overrideText } from './overrideText';
import { TableRegion } from '../../ui/TableRegion';
import { DataText, Interpolate, langOfData } from '../../ui/Interpolate';

export default function AwardsPage() {
  const { t, lang } = useI18n();
  const { policyId, policy, summary, names } = usePolicy();
  const href = usePolicyHref();
  const query = useAwardsQuery(policyId);
  const tiers = policy.countyAward.awards.tiersWan;
  const condition = paymentConditionText(policy, t);
  const finalize = useFinalize(policyId);
  // kept while the leader writes a reason (a refused override must not hide the list)
  const [gaps, setGaps] = useState<readonly PeriodGapItem[] | null>(null);
  const submitFinalize = (override?: { reason: string }) =>
    finalize.mutate(override, {
      onSuccess: () => setGaps(null),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'period_incomplete') setGaps(periodIncompleteSchema.safeParse(error.body).data?.incomplete ?? []);
      },
    });
  return (
    <section aria-labelledby="awards-title">
      <div className="page-head">
        <h1 id="awards-title">{t('awards.title')}</h1>
        <div className="toolbar">
          <a className="button" href={`/api/policies/${encodeURIComponent(policyId)}/awards.xlsx${lang === 'en' ? '?lang=en' : ''}`} download>{t('awards.export')}</a>
          <Link className="button" to={href('/awards/print')}>{t('awards.print')}</Link>
        </div>
      </div>
      <QueryState query={query}>
        {(awards) => {
          const total = countyAwardTotal(awards.county);
          return (
            <>
              <p className="policy-rules" data-testid="award-rules">
                <PolicyBadges summary={summary} />
                {t('awards.places', { n: tiers.length, tiers: tiers.map((w) => formatNumber(w)).join(' / ') })}
                {condition && <>{t('common.clauseSep')}{condition}</>}
              </p>
              <div className="card status-line">
                {awards.final ? (
                  <span className="chip chip-ok" data-testid="final-state">
                    {t('common.final')} · {t('awards.finalized', { at: formatDateTime(awards.finalizedAt), by: awards.finalizedBy ?? '' })}
                  </span>
                ) : (
                  <span className="chip chip-muted" data-testid="final-state">{t('awards.notFinal')}</span>
                )}
                {awards.month !== null && <span>{t('common.asOf', { month: awards.month })}</span>}
                {!awards.final && (
                  <IfRole role="leader">
                    <ConfirmButton
                      label={t('awards.finalize')}
                      question={t('awards.finalizeConfirm')}
                      className="button button-primary"
                      disabled={finalize.isPending}
                      onConfirm={() => submitFinalize()}
                    />
                  </IfRole>
                )}
              </div>
              <ErrorNotice error={finalize.error} />
              {gaps && !awards.final && <IncompletePeriod gaps={gaps} pending={finalize.isPending} onOverride={(reason) => submitFinalize({ reason })} />}
              {awards.incompleteOverride && <p className="notice notice-warn" data-testid="override-note">{overrideText(awards.incompleteOverride, t)}</p>}
              {awards.revisedAfterFinalization && <RevisedWarning />}
              <div className="card">
                <h2>{t('awards.county')}</h2>
                <TableRegion label={t('awards.county')}>
                <table className="data-table" data-testid="county-awards">
                  <thead>
                    <tr>
                      <th scope="col" className="num">{t('ranking.rank')}</th>
                      <th scope="col">{t('ranking.unit')}</th>
                      <th scope="col" className="num">{t('ranking.score')}</th>
                      <th scope="col" className="num">{t('ranking.award')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {awards.county.map((r) => (
                      <tr key={r.unitId} className={r.disqualified ? 'row-disqualified' : undefined}>
                        <td className="num">{r.rank ?? '—'}{r.tied && <span className="chip chip-tied">{t('ranking.tied')}</span>}</td>
                        <th scope="row">
                          <BilingualName className={r.disqualified ? 'struck' : undefined} parts={names.unitParts(r.unitId, r.unitName)} />
                          {r.disqualified && <span className="chip chip-disqualified"><Interpolate template={t('ranking.disqualifiedReason')} values={{ reason: <DataText text={r.disqualified.reason} /> }} /></span>}
                          {r.missing.length > 0 && <span className="chip chip-missing">{t('ranking.missing')}</span>}
                          <UnpaidChip row={r} />
                          <TieBreakChip row={r} rows={awards.county} />
                        </th>
                        <td className="num">{formatNumber(r.score, 2)}</td>
                        <td className="num"><AwardBadge award={r.award} /></td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row" colSpan={3}><Interpolate template={t('awards.totalWithCapitals')} values={{ capitals: <DataText text={total.capitals} /> }} /></th>
                      <td className="num" data-testid="county-total">{formatNumber(total.wan)}</td>
                    </tr>
                  </tfoot>
                </table>
                </TableRegion>
              </div>
              <div className="card">
                <h2>{t('awards.budget')}</h2>
                <BudgetSummary budget={awards.budget} />
              </div>
              <div className="card">
                <h2>{t('awards.grants')}</h2>
                <TableRegion label={t('awards.grants')}>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('subsidies.enterprise')}</th>
                      <th scope="col">{t('subsidies.kind')}</th>
                      <th scope="col" className="num">{t('subsidies.computed')}</th>
                      <th scope="col" className="num">{t('subsidies.granted')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {awards.grants.map((g) => (
                      <tr key={`${g.creditCode}/${g.kind}`}>
                        <th scope="row" lang={langOfData(g.enterpriseName)}>{g.enterpriseName}</th>
                        <td>{subsidyKindName(policy, g.kind, lang)}</td>
                        <td className="num">{formatNumber(g.computedWan)}</td>
                        <td className="num">{formatNumber(g.grantedWan)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </TableRegion>
              </div>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
