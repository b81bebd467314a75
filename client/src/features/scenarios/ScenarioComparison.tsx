import type { Policy, RankingRow, ScenarioEvaluation } from '@scoreboard/shared';
import { formatNumber } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { MovementMark } from '../ranking/MovementMark';
import { comparisonRows, moneyRows } from './comparison';
import { BilingualName } from '../../ui/Name';
import { usePolicy } from '../../layout/policy';
import { TableRegion } from '../../ui/TableRegion';

/** "+300", "−300", "0": a difference always says its sign. */
export function signed(n: number | null): string {
  if (n === null) return '—';
  if (n === 0) return '0';
  return n > 0 ? `+${formatNumber(n)}` : `−${formatNumber(-n)}`;
}

function RankText({ row }: { row: RankingRow | null }) {
  const { t } = useI18n();
  if (!row || row.rank === null) return <span className="muted">{t('scenarios.notRanked')}</span>;
  return (
    <>
      {row.rank}
      {row.tied && <span className="chip chip-tied">{t('ranking.tied')}</span>}
    </>
  );
}

function UnpaidNote({ row, policy }: { row: RankingRow | null; policy: Pick<Policy, 'countyAward'> }) {
  const { t } = useI18n();
  if (!row?.unpaid) return null;
  const condition = policy.countyAward.awards.condition;
  const score = condition?.kind === 'minScore' ? String(condition.score) : '';
  return <span className="chip chip-unpaid">{t(`ranking.unpaid.${row.unpaid}`, { score })}</span>;
}

/** The two rankings side by side (SPEC §14): place, ▲▼, score, award, and the award difference. */
export function ScenarioComparison({ evaluation, base, scenario }: { evaluation: ScenarioEvaluation; base: Policy; scenario: Policy }) {
  const { t } = useI18n();
  const { names } = usePolicy();
  const rows = comparisonRows(evaluation);
  const decimals = (p: Policy) => p.countyAward.score.decimals;
  return (
    <>
      <p role="status" className={evaluation.changes.length ? 'notice notice-warn' : 'notice notice-ok'} data-testid="scenario-summary">
        {evaluation.changes.length ? t('scenarios.changesCount', { n: evaluation.changes.length }) : t('scenarios.noChanges')}
      </p>
      <TableRegion label={t('scenarios.result')} className="scenario-scroll">
        <table className="data-table comparison-table" data-testid="scenario-comparison">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>{t('scenarios.unit')}</th>
              <th scope="colgroup" colSpan={3} className="group">{t('scenarios.current')}</th>
              <th scope="colgroup" colSpan={4} className="group">{t('scenarios.scenario')}</th>
              <th scope="col" rowSpan={2} className="num">{t('scenarios.awardDiff')}</th>
            </tr>
            <tr>
              <th scope="col" className="num">{t('scenarios.rank')}</th>
              <th scope="col" className="num">{t('scenarios.score')}</th>
              <th scope="col" className="num">{t('scenarios.award')}</th>
              <th scope="col" className="num">{t('scenarios.rank')}</th>
              <th scope="col">{t('scenarios.movement')}</th>
              <th scope="col" className="num">{t('scenarios.score')}</th>
              <th scope="col" className="num">{t('scenarios.award')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.unitId} className={r.changed ? 'row-changed' : undefined} data-unit={r.unitId}>
                <th scope="row" className="unit-name">
                  <BilingualName parts={names.unitParts(r.unitId, r.unitName)} />
                  {r.changed && <span className="sr-only">（{t('scenarios.changed')}）</span>}
                </th>
                <td className="num"><RankText row={r.before} /></td>
                <td className="num">{formatNumber(r.before?.score ?? null, decimals(base))}</td>
                <td className="num" data-testid="award-before">{formatNumber(r.before?.award ?? 0)}<UnpaidNote row={r.before} policy={base} /></td>
                <td className="num"><RankText row={r.after} /></td>
                <td><MovementMark movement={r.movement} /></td>
                <td className="num">{formatNumber(r.after?.score ?? null, decimals(scenario))}</td>
                <td className="num" data-testid="award-after">{formatNumber(r.after?.award ?? 0)}<UnpaidNote row={r.after} policy={scenario} /></td>
                <td className={`num ${r.awardDiff > 0 ? 'movement-up' : r.awardDiff < 0 ? 'movement-down' : ''}`} data-testid="award-diff">{signed(r.awardDiff)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <h3>{t('scenarios.totals')}</h3>
      <TableRegion label={t('scenarios.totals')} className="scenario-scroll">
        <table className="data-table" data-testid="scenario-totals">
          <thead>
            <tr>
              <th scope="col">{t('scenarios.item')}</th>
              <th scope="col" className="num">{t('scenarios.current')}</th>
              <th scope="col" className="num">{t('scenarios.scenario')}</th>
              <th scope="col" className="num">{t('scenarios.diff')}</th>
            </tr>
          </thead>
          <tbody>
            {moneyRows(evaluation.totals).map((m) => (
              <tr key={m.key}>
                <th scope="row">{t(`scenarios.money.${m.key}`)}</th>
                <td className="num">{formatNumber(m.before)}</td>
                <td className="num">{formatNumber(m.after)}</td>
                <td className="num">{signed(m.diff)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}
