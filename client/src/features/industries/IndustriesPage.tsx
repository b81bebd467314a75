import { useMemo } from 'react';
import type { IndustryRow } from '@scoreboard/shared';
import { useIndustriesQuery } from '../../api/queries';
import { LazyChart } from '../../charts/LazyChart';
import { isNarrow, type ChartSize } from '../../charts/types';
import { industryTargetText } from '../../policy/names';
import { BilingualName } from '../../ui/Name';
import { formatSignedPct } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { usePolicy } from '../../layout/policy';
import { QueryState } from '../../ui/QueryState';
import { StatusChip } from '../../ui/StatusChip';
import { toIndustryGrowthOption, toIndustryTrendOption } from './industryOption';
import { TableRegion } from '../../ui/TableRegion';

/** The cumulative growth series as text ("7月 -8.20% → 8月 -6.50%*"), for narrowing targets. */
export function TrendText({ row }: { row: IndustryRow }) {
  const { t } = useI18n();
  const points = row.series.filter((p) => p.growth !== null);
  if (points.length === 0) return <span className="muted">{t('common.noData')}</span>;
  return (
    <span className="trend">
      {points.map((p, i) => (
        <span key={p.month}>
          {i > 0 && ' → '}
          {t('common.month', { month: p.month })} {formatSignedPct(p.growth)}
          {p.computed && <abbr title={t('industries.computed')}>*</abbr>}
        </span>
      ))}
    </span>
  );
}

export function IndustryGrid({ rows, window }: { rows: readonly IndustryRow[]; window: { from: number; to: number } }) {
  const { t, lang } = useI18n();
  const { names } = usePolicy();
  return (
    <ul className="industry-grid" data-testid="industry-grid">
      {rows.map((r) => (
        <li key={r.industryId} className={`industry-card status-border-${r.status}`}>
          <h3><BilingualName parts={names.industryShortParts(r.industryId, r.shortName)} /></h3>
          <p className="industry-growth">
            {r.latest ? formatSignedPct(r.latest.growth) : '—'}
            {r.latest && <span className="muted"> ({t('common.month', { month: r.latest.month })})</span>}
          </p>
          <p className="industry-target">{industryTargetText(r, window, lang, t)}</p>
          <StatusChip status={r.status} />
        </li>
      ))}
    </ul>
  );
}

export default function IndustriesPage() {
  const { t, lang } = useI18n();
  const { policyId, policy, names } = usePolicy();
  const query = useIndustriesQuery(policyId);
  // Drawn for each chart's own width (a phone: names wrap, the legend takes more rows).
  const options = useMemo(() => {
    const data = query.data;
    if (!data) return null;
    const name = (r: Pick<IndustryRow, 'industryId' | 'shortName'>) => names.industryShort(r.industryId, r.shortName);
    return {
      growth: (size: ChartSize) => toIndustryGrowthOption(data.rows, t, { narrow: isNarrow(size), width: size.width, name }),
      trend: (size: ChartSize) => toIndustryTrendOption(data.rows, { from: data.windowFromMonth, to: data.windowToMonth }, t, { narrow: isNarrow(size), width: size.width, name }),
    };
  }, [query.data, t, names]);
  return (
    <section aria-labelledby="industries-title">
      <h1 id="industries-title">{t('industries.title', { from: policy.industries.windowFromMonth, to: policy.industries.windowToMonth })}</h1>
      <QueryState query={query}>
        {(data) => (
          <>
            <IndustryGrid rows={data.rows} window={{ from: data.windowFromMonth, to: data.windowToMonth }} />
            <div className="card-row">
              <div className="card">
                <h2>{t('industries.latest')}</h2>
                {options && <LazyChart option={options.growth} label={t('industries.latest')} height={420} />}
              </div>
              <div className="card">
                <h2>{t('industries.trend')}</h2>
                {options && <LazyChart option={options.trend} label={t('industries.trend')} height={420} />}
              </div>
            </div>
            <div className="card">
              <TableRegion label={t('industries.tableLabel')}>
              <table className="data-table" data-testid="industries-table">
                <thead>
                  <tr>
                    <th scope="col">{t('nav.industries')}</th>
                    <th scope="col">{t('industries.target')}</th>
                    <th scope="col" className="num">{t('industries.latest')}</th>
                    <th scope="col">{t('industries.trend')}</th>
                    <th scope="col">{t('industries.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr key={r.industryId}>
                      <th scope="row"><BilingualName parts={names.industryParts(r.industryId, r.name)} /></th>
                      <td>{industryTargetText(r, { from: data.windowFromMonth, to: data.windowToMonth }, lang, t)}</td>
                      <td className="num">
                        {r.latest ? t('common.withUnit', { name: formatSignedPct(r.latest.growth), unit: t('common.month', { month: r.latest.month }) }) : '—'}
                      </td>
                      <td><TrendText row={r} /></td>
                      <td><StatusChip status={r.status} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </TableRegion>
              <p className="muted">{t('industries.computedNote')}</p>
            </div>
          </>
        )}
      </QueryState>
    </section>
  );
}
