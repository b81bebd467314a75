import { useState } from 'react';
import { Link } from 'react-router';
import { formatNumber, formatPct, formatWan } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { usePolicy, usePolicyHref } from '../../layout/policy';
import { indicatorName, indicatorShort, measureUnit } from '../../policy/wording';
import { BilingualName } from '../../ui/Name';
import { DisqualifyControl } from './DisqualifyControl';
import { MovementMark } from './MovementMark';
import { movementOf } from './rankMovement';
import { AwardBadge, OutlookLink, RowChips, TieBreakChip, type RankingViewProps } from './RankingTable';

/**
 * The ranking on a phone (SPEC §16): one card per unit, a list a thumb can scroll — rank, unit,
 * score, award, movement and every indicator's completion rate (as many as the policy has); the
 * indicator detail (target, pro-rated target, actual, rate, points) one tap away in a disclosure,
 * and the unit's own page behind its name.
 */
export function RankingCards({ rows, previousRevision, canDisqualify, policyId, month = null }: RankingViewProps) {
  const { t, lang } = useI18n();
  const { policy, names } = usePolicy();
  const href = usePolicyHref();
  const [editing, setEditing] = useState<string | null>(null);
  const indicators = policy.countyAward.indicators;
  return (
    <ol className="rank-cards" aria-label={t('ranking.title')} data-testid="ranking-cards">
      {rows.map((row) => {
        const headingId = `rank-card-${row.unitId}`;
        const classes = ['rank-card', row.award > 0 && !row.disqualified ? 'rank-card-paid' : '', row.disqualified ? 'row-disqualified' : '', row.missing.length ? 'row-missing' : ''];
        return (
          <li key={row.unitId} data-unit={row.unitId}>
            <article className={classes.filter(Boolean).join(' ')} aria-labelledby={headingId}>
              <div className="rank-card-head">
                <span className="rank-card-rank">
                  {row.rank === null ? (
                    <span className="rank">—</span>
                  ) : (
                    <span className={row.award > 0 ? 'rank rank-paid' : 'rank'}>
                      <span className="sr-only">{t('ranking.rank')} </span>
                      {row.rank}
                    </span>
                  )}
                  {row.tied && <span className="chip chip-tied">{t('ranking.tied')}</span>}
                </span>
                <h3 id={headingId} className="rank-card-unit">
                  <Link to={href(`/units/${encodeURIComponent(row.unitId)}`)} className={row.disqualified ? 'struck' : undefined}>
                    <BilingualName parts={names.unitParts(row.unitId, row.unitName)} />
                  </Link>
                </h3>
                <span className={row.disqualified ? 'rank-card-score struck' : 'rank-card-score'}>
                  <span className="sr-only">{t('ranking.score')} </span>
                  {formatNumber(row.score, 2)}
                </span>
              </div>
              <dl className="rank-card-facts">
                <div>
                  <dt>{t('ranking.award')}</dt>
                  <dd><AwardBadge award={row.award} /></dd>
                </div>
                <div>
                  <dt>{t('ranking.movement')}</dt>
                  <dd><MovementMark movement={movementOf(row, previousRevision)} /></dd>
                </div>
                {indicators.map((i) => (
                  <div key={i.indicatorId} data-indicator={i.indicatorId}>
                    <dt>{t('ranking.rateOf', { indicator: indicatorShort(i, lang) })}</dt>
                    <dd>{formatPct(row.indicators[i.indicatorId]?.completionRate)}</dd>
                  </div>
                ))}
              </dl>
              {(row.disqualified || row.missing.length > 0 || row.unpaid || row.tieBreak) && (
                <p className="rank-card-notes">
                  <RowChips row={row} />
                  <TieBreakChip row={row} rows={rows} />
                </p>
              )}
              <p className="rank-card-notes"><OutlookLink row={row} month={month} /></p>
              <details className="rank-card-detail">
                <summary>{t('ranking.detail')}</summary>
                {indicators.map((i) => {
                  const r = row.indicators[i.indicatorId];
                  return (
                    <div key={i.indicatorId} className="rank-card-indicator">
                      <h4>{t('common.withUnit', { name: indicatorName(i, lang), unit: measureUnit(i, t) })}</h4>
                      <dl>
                        <div><dt>{t('ranking.target')}</dt><dd>{formatWan(r?.target)}</dd></div>
                        <div><dt>{t('ranking.prorated')}</dt><dd>{formatWan(r?.proratedTarget)}</dd></div>
                        <div><dt>{t('ranking.actual')}</dt><dd>{formatWan(r?.actual)}</dd></div>
                        <div><dt>{t('ranking.rate')}</dt><dd>{formatPct(r?.completionRate)}</dd></div>
                        <div><dt>{t('ranking.points')}</dt><dd>{formatNumber(r?.points, 2)}</dd></div>
                      </dl>
                    </div>
                  );
                })}
              </details>
              {canDisqualify && (
                <div className="rank-card-actions">
                  <DisqualifyControl policyId={policyId} row={row} open={editing === row.unitId} onOpen={(o) => setEditing(o ? row.unitId : null)} />
                </div>
              )}
            </article>
          </li>
        );
      })}
    </ol>
  );
}
