import { Link, useParams, useSearchParams } from 'react-router';
import { useQueries } from '@tanstack/react-query';
import { rankingSchema } from '@scoreboard/shared';
import { apiRequest } from '../../api/client';
import { policyKeys } from '../../api/keys';
import { useRankingQuery, useUnitBatchesQuery } from '../../api/queries';
import { useCan } from '../../auth/session';
import { LazyChart } from '../../charts/LazyChart';
import type { ChartSize } from '../../charts/types';
import { actorName } from '../../format/actors';
import { formatDateTime } from '../../format/dates';
import { formatNumber, formatPct, formatWan } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { usePolicy, usePolicyHref } from '../../layout/policy';
import { indicatorName, measureUnit } from '../../policy/wording';
import { QueryState } from '../../ui/QueryState';
import { OutlookSection } from './OutlookSection';
import { describeUnitBatch, unitBatchState } from './unitBatchState';
import { toUnitOption, type UnitMonth } from './unitOption';
import { TableRegion } from '../../ui/TableRegion';
import { Interpolate, langOfData } from '../../ui/Interpolate';
import { BilingualName } from '../../ui/Name';

/** One unit, month by month (GET ranking?month=m for each month with data), and the batches that fed it. */
export default function UnitPage() {
  const { t, lang } = useI18n();
  const { unitId = '' } = useParams();
  const { policyId, policy, names } = usePolicy();
  const href = usePolicyHref();
  const [params] = useSearchParams();
  // the ranking's month travels with its link (?month=); without it, the latest month with data
  const wanted = Number(params.get('month'));
  const outlookMonth = Number.isInteger(wanted) && policy.period.months.includes(wanted) ? wanted : null;
  const indicators = policy.countyAward.indicators;
  const latest = useRankingQuery(policyId, null);
  const monthsWithData = latest.data?.monthsWithData ?? [];
  const perMonth = useQueries({
    queries: monthsWithData.map((month) => ({
      queryKey: policyKeys.ranking(policyId, month),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiRequest(`/api/policies/${encodeURIComponent(policyId)}/ranking?month=${month}`, rankingSchema, { signal }),
    })),
  });
  const canSeeBatches = useCan('statistician');
  const batches = useUnitBatchesQuery(policyId, unitId, canSeeBatches && unitId !== '');

  // Cheap to rebuild each render: a few months of a few indicators.
  const months: Record<string, UnitMonth[]> = Object.fromEntries(indicators.map((i) => [i.indicatorId, []]));
  for (const { data } of perMonth) {
    if (!data || data.month === null) continue;
    const row = data.rows.find((r) => r.unitId === unitId);
    for (const { indicatorId: id } of indicators) months[id]!.push({ month: data.month, timeProgress: data.timeProgress, result: row?.indicators[id] });
  }

  return (
    <QueryState query={latest}>
      {(ranking) => {
        const row = ranking.rows.find((r) => r.unitId === unitId);
        if (!row) return <p role="alert">{t('unit.notFound')} <Link to={href('/')}>{t('unit.back')}</Link></p>;
        return (
          <section aria-labelledby="unit-title">
            <p><Link to={href('/')}>← {t('unit.back')}</Link></p>
            <h1 id="unit-title"><Interpolate template={t('unit.title')} values={{ name: <BilingualName parts={names.unitParts(row.unitId, row.unitName)} /> }} /></h1>
            <OutlookSection unitId={unitId} month={outlookMonth} />
            {indicators.map((indicator) => {
              const id = indicator.indicatorId;
              const name = indicatorName(indicator, lang);
              return (
              <div className="card" key={id} data-indicator={id}>
                <h2>{t('unit.chart', { indicator: name })}</h2>
                <LazyChart option={(size: ChartSize) => toUnitOption(months[id] ?? [], name, measureUnit(indicator, t), t, { width: size.width })} label={t('unit.chart', { indicator: name })} height={300} />
                <TableRegion label={t('unit.chart', { indicator: name })}>
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('unit.month')}</th>
                      <th scope="col" className="num">{t('ranking.timeProgress')}</th>
                      <th scope="col" className="num">{t('ranking.target')}</th>
                      <th scope="col" className="num">{t('ranking.prorated')}</th>
                      <th scope="col" className="num">{t('ranking.actual')}</th>
                      <th scope="col" className="num">{t('ranking.rate')}</th>
                      <th scope="col" className="num">{t('ranking.points')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(months[id] ?? []).map((m) => (
                      <tr key={m.month}>
                        <th scope="row">{t('common.month', { month: m.month })}</th>
                        <td className="num">{formatPct(m.timeProgress, 1)}</td>
                        <td className="num">{formatWan(m.result?.target)}</td>
                        <td className="num">{formatWan(m.result?.proratedTarget)}</td>
                        <td className="num">{formatWan(m.result?.actual)}</td>
                        <td className="num">{formatPct(m.result?.completionRate)}</td>
                        <td className="num">{formatNumber(m.result?.points, 2)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                </TableRegion>
              </div>
              );
            })}
            {canSeeBatches && (
              <div className="card">
                <h2>{t('unit.batches')}</h2>
                <QueryState query={batches}>
                  {(data) => (
                    <TableRegion label={t('unit.batches')}>
                    <table className="data-table">
                      <thead>
                        <tr>
                          <th scope="col">{t('uploads.batch')}</th>
                          <th scope="col">{t('uploads.kind')}</th>
                          <th scope="col">{t('uploads.fileName')}</th>
                          <th scope="col">{t('uploads.by')}</th>
                          <th scope="col">{t('uploads.at')}</th>
                          <th scope="col" className="num">{t('unit.figures')}</th>
                          <th scope="col">{t('uploads.state')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.batches.map((b) => (
                          <tr key={b.batchId} data-batch={b.batchId} data-state={unitBatchState(b)}>
                            <td className="num">{b.batchId}</td>
                            <td>{t(`kind.${b.kind}`)}</td>
                            <td lang={langOfData(b.fileName)}>{b.fileName}</td>
                            <td>{actorName(b.uploadedBy, t)}</td>
                            <td>{formatDateTime(b.uploadedAt)}</td>
                            <td className="num">{b.unitKeys ?? '—'}</td>
                            <td>{describeUnitBatch(b, indicators, lang, t, formatDateTime)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                    </TableRegion>
                  )}
                </QueryState>
              </div>
            )}
          </section>
        );
      }}
    </QueryState>
  );
}
