import { useState } from 'react';
import { Link } from 'react-router';
import type { RankingRow } from '@scoreboard/shared';
import { formatNumber, formatPct, formatWan } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/translate';
import { usePolicy, usePolicyHref } from '../../layout/policy';
import { indicatorName, measureUnit, missingLabel } from '../../policy/wording';
import { MovementMark } from './MovementMark';
import { movementOf } from './rankMovement';
import { DisqualifyControl } from './DisqualifyControl';
import { BilingualName } from '../../ui/Name';
import { TableRegion } from '../../ui/TableRegion';
import { DataText, Interpolate, MarkedText } from '../../ui/Interpolate';
import { tieBreakText } from './tieBreak';

function MovementCell({ previousRevision, row }: { previousRevision: number | null; row: RankingRow }) {
  return <td className="num movement"><MovementMark movement={movementOf(row, previousRevision)} /></td>;
}

export function AwardBadge({ award }: { award: number }) {
  const { t } = useI18n();
  if (award <= 0) return <>—</>;
  return (
    <span className="award-badge">
      {formatNumber(award)}
      <span className="sr-only">{t('common.wan')}</span>
    </span>
  );
}

function RankCell({ row }: { row: RankingRow }) {
  const { t } = useI18n();
  if (row.rank === null) return <td className="num">—</td>;
  return (
    <td className="num">
      <span className={row.award > 0 ? 'rank rank-paid' : 'rank'}>{row.rank}</span>
      {row.tied && <span className="chip chip-tied">{t('ranking.tied')}</span>}
    </td>
  );
}

/** Why a ranked unit is not paid, in the policy's own terms (its payment condition). */
export function UnpaidChip({ row }: { row: Pick<RankingRow, 'unpaid'> }) {
  const { t } = useI18n();
  const { policy } = usePolicy();
  if (!row.unpaid) return null;
  const condition = policy.countyAward.awards.condition;
  const score = condition?.kind === 'minScore' ? condition.score : '';
  return <span className="chip chip-unpaid">{t(`ranking.unpaid.${row.unpaid}`, { score })}</span>;
}

/** 一票否决 with its reason, the figures still missing, and why a ranked unit is not paid. */
export function RowChips({ row }: { row: Pick<RankingRow, 'disqualified' | 'missing' | 'unpaid'> }) {
  const { t, lang } = useI18n();
  const { policy } = usePolicy();
  return (
    <>
      {row.disqualified && (
        <span className="chip chip-disqualified"><Interpolate template={t('ranking.disqualifiedReason')} values={{ reason: <DataText text={row.disqualified.reason} /> }} /></span>
      )}
      {row.missing.length > 0 && (
        <span className="chip chip-missing">
          {t('common.labelled', { label: t('ranking.missing'), value: row.missing.map((m) => missingLabel(policy, m, t, lang)).join(t('common.listSep')) })}
        </span>
      )}
      <UnpaidChip row={row} />
    </>
  );
}

/** Same score as the unit above, split by a tie-breaker: which rate, and where the two differ (SPEC §15). */
export function TieBreakChip({ row, rows }: { row: Pick<RankingRow, 'tieBreak'>; rows: readonly Pick<RankingRow, 'unitId' | 'unitName'>[] }) {
  const { t, lang } = useI18n();
  const { policy } = usePolicy();
  const text = tieBreakText(row, rows, policy, t, lang);
  return text === null ? null : <span className="chip chip-tiebreak" data-testid="tie-break"><MarkedText text={text} /></span>;
}

/** The link from a ranking row to the unit page's 得分说明与差多少 (SPEC §15). */
export function OutlookLink({ row, month }: { row: Pick<RankingRow, 'unitId' | 'unitName'>; month: number | null }) {
  const { t } = useI18n();
  const href = usePolicyHref();
  return (
    <Link
      to={`${href(`/units/${encodeURIComponent(row.unitId)}`, month ? { month: String(month) } : {})}#outlook`}
      className="outlook-link"
      aria-label={t('outlook.linkLabel', { unit: row.unitName })}
      data-testid="outlook-link"
    >
      {t('outlook.link')}
    </Link>
  );
}

/** What the ranking's views (this table, the phone's cards) show. */
export interface RankingViewProps {
  rows: readonly RankingRow[];
  /** the revision the movement column compares with (Ranking.previousRevision) */
  previousRevision: number | null;
  canDisqualify: boolean;
  policyId: string;
  /** the month shown, for the outlook link (null: the latest) */
  month?: number | null;
}

/** The ranking table: every indicator of the policy with its target, pro-rated target, actual, rate and points. */
export function RankingTable({ rows, previousRevision, canDisqualify, policyId, month = null }: RankingViewProps) {
  const { t, lang } = useI18n();
  const { policy, names } = usePolicy();
  const href = usePolicyHref();
  const [editing, setEditing] = useState<string | null>(null);
  const indicators = policy.countyAward.indicators;
  const sub: MessageKey[] = ['ranking.target', 'ranking.prorated', 'ranking.actual', 'ranking.rate', 'ranking.points'];
  return (
    <TableRegion label={t('ranking.title')}>
      <table className="data-table ranking-table table-actions" data-testid="ranking-table">
        <caption className="sr-only">{t('ranking.title')}</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2}>{t('ranking.rank')}</th>
            <th scope="col" rowSpan={2}>{t('ranking.unit')}</th>
            <th scope="col" rowSpan={2} className="num">{t('ranking.score')}</th>
            {indicators.map((i) => (
              <th scope="colgroup" colSpan={5} key={i.indicatorId} className="group" data-indicator={i.indicatorId}>
                {t('common.withUnit', { name: indicatorName(i, lang), unit: measureUnit(i, t) })}
              </th>
            ))}
            <th scope="col" rowSpan={2} className="num">{t('ranking.award')}</th>
            <th scope="col" rowSpan={2} className="num">{t('ranking.movement')}</th>
            {canDisqualify && <th scope="col" rowSpan={2}>{t('ranking.disqualify')}</th>}
          </tr>
          <tr>
            {indicators.flatMap((i) => sub.map((k) => <th scope="col" key={`${i.indicatorId}-${k}`} className="num">{t(k)}</th>))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitId} data-unit={row.unitId} className={row.disqualified ? 'row-disqualified' : row.missing.length ? 'row-missing' : undefined}>
              <RankCell row={row} />
              <th scope="row" className="unit-name">
                <Link to={href(`/units/${encodeURIComponent(row.unitId)}`)} className={row.disqualified ? 'struck' : undefined}><BilingualName parts={names.unitParts(row.unitId, row.unitName)} /></Link>
                <RowChips row={row} />
                <TieBreakChip row={row} rows={rows} />
                <OutlookLink row={row} month={month} />
              </th>
              <td className={row.disqualified ? 'num struck score' : 'num score'}>{formatNumber(row.score, 2)}</td>
              {indicators.flatMap(({ indicatorId: id }) => {
                const r = row.indicators[id];
                return [
                  <td key={`${id}-t`} className="num">{formatWan(r?.target)}</td>,
                  <td key={`${id}-p`} className="num">{formatWan(r?.proratedTarget)}</td>,
                  <td key={`${id}-a`} className="num">{formatWan(r?.actual)}</td>,
                  <td key={`${id}-r`} className="num">{formatPct(r?.completionRate)}</td>,
                  <td key={`${id}-s`} className="num">{formatNumber(r?.points, 2)}</td>,
                ];
              })}
              <td className="num"><AwardBadge award={row.award} /></td>
              <MovementCell previousRevision={previousRevision} row={row} />
              {canDisqualify && (
                <td>
                  <DisqualifyControl policyId={policyId} row={row} open={editing === row.unitId} onOpen={(o) => setEditing(o ? row.unitId : null)} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
