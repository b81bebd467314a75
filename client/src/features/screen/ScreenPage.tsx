import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useIndustriesQuery, useRankingQuery } from '../../api/queries';
import { LazyChart } from '../../charts/LazyChart';
import { isNarrow, type ChartSize } from '../../charts/types';
import { BilingualName } from '../../ui/Name';
import { formatClock, formatDateTime } from '../../format/dates';
import { formatNumber, formatPct, formatSignedPct } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { useLiveUpdates } from '../../api/events';
import { LiveBadge } from '../../layout/Layout';
import { useDisplay } from './display';
import { PolicyBadges, PolicySwitcher, usePolicy, usePolicyHref } from '../../layout/policy';
import { chartRules } from '../../policy/chartRules';
import { awardPlaces } from '../../policy/wording';
import { StatusChip } from '../../ui/StatusChip';
import { toIndustryGrowthOption } from '../industries/industryOption';
import { MovementMark } from '../ranking/MovementMark';
import { useRankingChart } from '../ranking/useRankingChart';
import { movementOf } from '../ranking/rankMovement';
import { paidPlaces } from './screenViews';
import './screen.css';
import { DataText, Interpolate } from '../../ui/Interpolate';

const ROTATE_MS = 20_000;
const VIEWS = 2;

function Clock() {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const id = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(id);
  }, []);
  return <time className="screen-clock" dateTime={now.toISOString()}>{formatClock(now)}</time>;
}

/** The meeting-room display: dark, large, rotating by itself; arrow keys switch, no mouse needed. */
export default function ScreenPage() {
  const { t } = useI18n();
  const { policyId, title, policy, summary, names } = usePolicy();
  const href = usePolicyHref();
  const places = awardPlaces(policy);
  const ranking = useRankingQuery(policyId, null);
  const industries = useIndustriesQuery(policyId);
  const [view, setView] = useState(0);
  const display = useDisplay();
  const live = useLiveUpdates(true);

  useEffect(() => {
    const id = setInterval(() => setView((v) => (v + 1) % VIEWS), ROTATE_MS);
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight' || e.key === ' ') setView((v) => (v + 1) % VIEWS);
      if (e.key === 'ArrowLeft') setView((v) => (v + VIEWS - 1) % VIEWS);
    };
    window.addEventListener('keydown', onKey);
    return () => {
      clearInterval(id);
      window.removeEventListener('keydown', onKey);
    };
  }, [view]); // restart the timer after a manual switch

  // Large type for the back of the room; on a phone the same screen is drawn narrow and smaller.
  const rankingOption = useRankingChart(ranking.data, { dark: true, fontSize: 18 });
  const industryOption = useMemo(() => {
    const data = industries.data;
    if (!data) return null;
    return (size: ChartSize) => {
      const narrow = isNarrow(size);
      return toIndustryGrowthOption(data.rows, t, { dark: true, fontSize: narrow ? 12 : 18, narrow, name: (r) => names.industryShort(r.industryId, r.shortName) });
    };
  }, [industries.data, t, names]);
  const top = ranking.data ? paidPlaces(ranking.data.rows, places) : [];
  const previousRevision = ranking.data?.previousRevision ?? null;

  return (
    <div className="screen" data-testid="screen">
      <header className="screen-header">
        <h1>{t('screen.title')} <span className="screen-policy">{title}</span> <PolicyBadges summary={summary} /></h1>
        <div className="screen-meta">
          {ranking.data && (
            <>
              <span>{ranking.data.month !== null ? t('common.asOf', { month: ranking.data.month }) : t('ranking.noMonth')}</span>
              <span>{t('ranking.timeProgress')} <strong>{formatPct(ranking.data.timeProgress, 1)}</strong></span>
              <span>{t('common.updatedAt')} {formatDateTime(ranking.data.updatedAt)}</span>
            </>
          )}
          <LiveBadge state={live} />
          <Clock />
        </div>
      </header>
      <main className="screen-body" aria-live="polite">
        {view === 0 && (
          <div className="screen-grid">
            <section className="screen-panel screen-chart" aria-label={t('ranking.chart')}>
              {rankingOption && <LazyChart option={rankingOption} label={t('ranking.chartLabel', { score: chartRules(policy).onTargetScore })} height="100%" dark />}
            </section>
            <section className="screen-panel" aria-labelledby="top5">
              <h2 id="top5">{t('screen.top5', { n: places })}</h2>
              <ol className="top5">
                {top.map((r) => (
                  <li key={r.unitId}>
                    <span className="top5-rank">{r.rank}</span>
                    <span className="top5-name">
                      <BilingualName parts={names.unitParts(r.unitId, r.unitName)} />
                      {r.tied && <small> {t('ranking.tied')}</small>}
                      {previousRevision !== null && (
                        <small className="top5-move"><MovementMark movement={movementOf(r, previousRevision)} /></small>
                      )}
                    </span>
                    <span className="top5-score">{formatNumber(r.score, 2)}</span>
                    <span className="top5-award">{r.award > 0 ? <>{formatNumber(r.award)}<small>{t('common.wan')}</small></> : '—'}</span>
                  </li>
                ))}
              </ol>
            </section>
          </div>
        )}
        {view === 1 && industries.data && (
          <div className="screen-grid">
            <section className="screen-panel" aria-labelledby="grid-title">
              <h2 id="grid-title">{t('industries.grid')}</h2>
              <ul className="screen-industries">
                {industries.data.rows.map((r) => (
                  <li key={r.industryId}>
                    <BilingualName className="name" parts={names.industryShortParts(r.industryId, r.shortName)} />
                    <span className="growth">{r.latest ? formatSignedPct(r.latest.growth) : '—'}</span>
                    <StatusChip status={r.status} />
                  </li>
                ))}
              </ul>
            </section>
            <section className="screen-panel screen-chart" aria-label={t('industries.latest')}>
              {industryOption && <LazyChart option={industryOption} label={t('industries.latest')} height="100%" dark />}
            </section>
          </div>
        )}
      </main>
      <footer className="screen-footer">
        <span>{t('screen.view', { n: view + 1, total: VIEWS })} · {t('screen.keys')}</span>
        {display ? (
          <span className="screen-display" data-testid="display-label"><Interpolate template={t('display.label')} values={{ label: <DataText text={display.label} /> }} /></span>
        ) : (
          <>
            <PolicySwitcher />
            <Link to={href('/')} className="screen-exit">{t('screen.exit')}</Link>
          </>
        )}
      </footer>
      {live === 'revoked' && (
        <div className="screen-overlay" role="alert" data-testid="display-revoked">
          <h2>{t('display.revoked')}</h2>
          <p>{t('display.revokedNote')}</p>
        </div>
      )}
    </div>
  );
}
