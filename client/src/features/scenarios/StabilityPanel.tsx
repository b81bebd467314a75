import { useStabilityQuery } from '../../api/queries';
import { LazyChart } from '../../charts/LazyChart';
import { useI18n } from '../../i18n/I18nProvider';
import { usePolicy } from '../../layout/policy';
import { BilingualName } from '../../ui/Name';
import { QueryState } from '../../ui/QueryState';
import { scenarioLabel } from './scenarioWording';
import { stabilityBars, toStabilityOption } from './stabilityOption';
import { TableRegion } from '../../ui/TableRegion';

/**
 * Stability (SPEC §14): a range bar per unit from its best to its worst place over the standard set
 * and the saved scenarios, the current place marked — read at a glance; the same figures follow in
 * a table for screen readers and for anyone who wants the scenario behind a range.
 */
export function StabilityPanel({ month }: { month: number | null }) {
  const { t, lang } = useI18n();
  const { policyId, policy, names } = usePolicy();
  const query = useStabilityQuery(policyId, month);
  return (
    <QueryState query={query}>
      {(stability) => {
        const labels = new Map(stability.scenarios.map((s) => [s.key, scenarioLabel(s, policy, t, lang)]));
        const bars = stabilityBars(stability, t);
        return (
          <>
            <p className="muted">{t('scenarios.stability.count', { n: stability.scenarios.length })}</p>
            {stability.skipped.map((s) => (
              <p key={s.scenarioId} className="notice notice-warn">{t('scenarios.stability.skipped', { name: s.name, reason: s.reason })}</p>
            ))}
            <LazyChart option={toStabilityOption(stability, t)} label={t('scenarios.stability.chartLabel')} height={Math.max(240, bars.length * 30 + 60)} />
            <details>
              <summary>{t('scenarios.stability.table')}</summary>
              <TableRegion label={t('scenarios.stability.table')} className="scenario-scroll">
                <table className="data-table" data-testid="stability-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('scenarios.unit')}</th>
                      <th scope="col" className="num">{t('scenarios.stability.current')}</th>
                      <th scope="col" className="num">{t('scenarios.stability.best')}</th>
                      <th scope="col">{t('scenarios.stability.bestWhen')}</th>
                      <th scope="col" className="num">{t('scenarios.stability.worst')}</th>
                      <th scope="col">{t('scenarios.stability.worstWhen')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {stability.units.map((u) => (
                      <tr key={u.unitId}>
                        <th scope="row"><BilingualName parts={names.unitParts(u.unitId, u.unitName)} /></th>
                        <td className="num">{u.rank ?? '—'}</td>
                        <td className="num">{u.best ?? '—'}</td>
                        <td>{u.bestKey ? labels.get(u.bestKey) : '—'}</td>
                        <td className="num">{u.worst ?? '—'}</td>
                        <td>{u.worstKey ? labels.get(u.worstKey) : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </details>
          </>
        );
      }}
    </QueryState>
  );
}
