import { useSearchParams } from 'react-router';
import type { Ranking } from '@scoreboard/shared';
import { useRankingQuery } from '../../api/queries';
import { useCan } from '../../auth/session';
import { LazyChart } from '../../charts/LazyChart';
import { formatDateTime } from '../../format/dates';
import { formatPct } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { usePolicy } from '../../layout/policy';
import { chartRules } from '../../policy/chartRules';
import { QueryState } from '../../ui/QueryState';
import { RevisedWarning } from '../../ui/RevisedWarning';
import { RankingCards } from './RankingCards';
import { RankingTable } from './RankingTable';
import { PHONE_QUERY, useMediaQuery } from '../../ui/useMediaQuery';
import { useRankingChart } from './useRankingChart';

export function parseMonth(text: string | null): number | null {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 12 ? n : null;
}

export function RankingHeadline({ ranking }: { ranking: Ranking }) {
  const { t } = useI18n();
  return (
    <dl className="stats">
      <div className="stat">
        <dt>{t('ranking.month')}</dt>
        <dd data-testid="as-of-month">{ranking.month === null ? t('ranking.noMonth') : t('common.asOf', { month: ranking.month })}</dd>
      </div>
      <div className="stat">
        <dt>{t('ranking.timeProgress')}</dt>
        <dd className="big" data-testid="time-progress">{formatPct(ranking.timeProgress, 1)}</dd>
      </div>
      <div className="stat">
        <dt>{t('ranking.missing')}</dt>
        <dd data-testid="waiting">{t('ranking.waiting', { count: ranking.waiting })}</dd>
      </div>
      <div className="stat">
        <dt>{t('common.updatedAt')}</dt>
        <dd>
          <span data-testid="updated-at">{formatDateTime(ranking.updatedAt)}</span>
          <span className="muted"> · {t('common.revision')} <span data-testid="revision">{ranking.revision}</span></span>
        </dd>
      </div>
    </dl>
  );
}

export function RankingPage() {
  const { t } = useI18n();
  const { policyId, policy } = usePolicy();
  const [params, setParams] = useSearchParams();
  const month = parseMonth(params.get('month'));
  const query = useRankingQuery(policyId, month);
  const canDisqualify = useCan('leader');
  const phone = useMediaQuery(PHONE_QUERY);
  const option = useRankingChart(query.data);

  return (
    <section aria-labelledby="ranking-title">
      <div className="page-head">
        <h1 id="ranking-title">{t('ranking.title')}</h1>
        {query.data && (
          <div className="field">
            <label htmlFor="month-select">{t('ranking.month')}</label>
            <select
              id="month-select"
              value={month ?? ''}
              onChange={(e) => {
                const next = new URLSearchParams(params);
                if (e.target.value) next.set('month', e.target.value);
                else next.delete('month');
                setParams(next);
              }}
            >
              <option value="">{t('ranking.latest')}</option>
              {query.data.monthsWithData.map((m) => (
                <option key={m} value={m}>{t('common.month', { month: m })}</option>
              ))}
            </select>
          </div>
        )}
      </div>
      <QueryState query={query}>
        {(ranking) => (
          <>
            {ranking.final && <p className="notice">{t('ranking.final')}</p>}
            {ranking.revisedAfterFinalization && <RevisedWarning />}
            <RankingHeadline ranking={ranking} />
            <div className="card">
              <h2>{t('ranking.chart')}</h2>
              {option && <LazyChart option={option} label={t('ranking.chartLabel', { score: chartRules(policy).onTargetScore })} height={Math.max(320, ranking.rows.length * 34)} />}
            </div>
            {phone ? (
              <RankingCards rows={ranking.rows} previousRevision={ranking.previousRevision} canDisqualify={canDisqualify} policyId={policyId} month={month} />
            ) : (
              <div className="card">
                <RankingTable rows={ranking.rows} previousRevision={ranking.previousRevision} canDisqualify={canDisqualify} policyId={policyId} month={month} />
              </div>
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}
