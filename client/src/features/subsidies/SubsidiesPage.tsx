import { useState } from 'react';
import { useSubsidiesQuery } from '../../api/queries';
import { formatNumber, formatYuan } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { usePolicy } from '../../layout/policy';
import { subsidyKindName } from '../../policy/wording';
import { QueryState } from '../../ui/QueryState';
import { filterApplications, filterGrants, grantTotals, NO_FILTER, type SubsidyFilter } from './subsidyFilter';
import { factorWords } from '../awards/budgetText';
import { TableRegion } from '../../ui/TableRegion';
import { langOfData } from '../../ui/Interpolate';

export default function SubsidiesPage() {
  const { t, lang } = useI18n();
  const { policyId, policy } = usePolicy();
  const query = useSubsidiesQuery(policyId);
  const [filter, setFilter] = useState<SubsidyFilter>(NO_FILTER);
  return (
    <section aria-labelledby="subsidies-title">
      <h1 id="subsidies-title">{t('subsidies.title')}</h1>
      <p className="muted">{t('subsidies.rounding')}</p>
      <form className="toolbar" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-kind">{t('subsidies.filterKind')}</label>
          <select id="f-kind" value={filter.kind} onChange={(e) => setFilter({ ...filter, kind: e.target.value })}>
            <option value="all">{t('subsidies.all')}</option>
            {policy.subsidies.kinds.map((k) => <option key={k.kind} value={k.kind}>{subsidyKindName(policy, k.kind, lang)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-eligible">{t('subsidies.filterEligible')}</label>
          <select id="f-eligible" value={filter.eligible} onChange={(e) => setFilter({ ...filter, eligible: e.target.value === 'eligible' ? 'eligible' : e.target.value === 'ineligible' ? 'ineligible' : 'all' })}>
            <option value="all">{t('subsidies.all')}</option>
            <option value="eligible">{t('subsidies.eligible')}</option>
            <option value="ineligible">{t('subsidies.ineligible')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-search">{t('subsidies.filterSearch')}</label>
          <input id="f-search" type="search" value={filter.search} onChange={(e) => setFilter({ ...filter, search: e.target.value })} />
        </div>
      </form>
      <QueryState query={query}>
        {(data) => {
          const apps = filterApplications(data.applications, filter);
          const grants = filterGrants(data.grants, filter);
          const totals = grantTotals(grants);
          return (
            <>
              <dl className="stats">
                <div className="stat"><dt>{t('subsidies.computed')}</dt><dd className="big">{formatNumber(data.totals.computedWan)}</dd></div>
                <div className="stat"><dt>{t('subsidies.granted')}</dt><dd className="big" data-testid="granted-total">{formatNumber(data.totals.grantedWan)}</dd></div>
                {data.factor !== 1 && <div className="stat"><dt>{t('awards.factor')}</dt><dd>{t('subsidies.factor', { factor: factorWords(data, t) })}</dd></div>}
              </dl>
              <div className="card">
                <h2>{t('subsidies.grants')}</h2>
                <TableRegion label={t('subsidies.grants')}>
                  <table className="data-table" data-testid="grants-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('subsidies.enterprise')}</th>
                        <th scope="col">{t('subsidies.creditCode')}</th>
                        <th scope="col">{t('subsidies.kind')}</th>
                        <th scope="col">{t('subsidies.id')}</th>
                        <th scope="col" className="num">{t('subsidies.eligibleCost')}</th>
                        <th scope="col" className="num">{t('subsidies.cap')}</th>
                        <th scope="col" className="num">{t('subsidies.computed')}</th>
                        <th scope="col" className="num">{t('subsidies.granted')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {grants.map((g) => (
                        <tr key={`${g.creditCode}/${g.kind}`}>
                          <th scope="row" lang={langOfData(g.enterpriseName)}>{g.enterpriseName}</th>
                          <td><code>{g.creditCode}</code></td>
                          <td>{subsidyKindName(policy, g.kind, lang)}</td>
                          <td>{g.applicationIds.join(t('common.listSep'))}</td>
                          <td className="num">{formatYuan(g.eligibleCostYuan)}</td>
                          <td className="num">{formatNumber(g.capWan)}</td>
                          <td className="num">{formatNumber(g.computedWan)}</td>
                          <td className="num">{formatNumber(g.grantedWan)}</td>
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row" colSpan={6}>{t('subsidies.totals', { computed: formatNumber(totals.computedWan), granted: formatNumber(totals.grantedWan) })}</th>
                        <td className="num">{formatNumber(totals.computedWan)}</td>
                        <td className="num">{formatNumber(totals.grantedWan)}</td>
                      </tr>
                    </tfoot>
                  </table>
                </TableRegion>
              </div>
              <div className="card">
                <h2>{t('subsidies.applications')} <span className="muted">{t('subsidies.count', { shown: apps.length, total: data.applications.length })}</span></h2>
                <TableRegion label={t('subsidies.applications')}>
                  <table className="data-table" data-testid="applications-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('subsidies.id')}</th>
                        <th scope="col">{t('subsidies.enterprise')}</th>
                        <th scope="col">{t('subsidies.creditCode')}</th>
                        <th scope="col">{t('subsidies.kind')}</th>
                        <th scope="col">{t('subsidies.item')}</th>
                        <th scope="col">{t('subsidies.date')}</th>
                        <th scope="col" className="num">{t('subsidies.cost')}</th>
                        <th scope="col">{t('subsidies.eligibility')}</th>
                        <th scope="col">{t('subsidies.reasons')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {apps.map((a) => (
                        <tr key={a.applicationId}>
                          <td>{a.applicationId}</td>
                          <th scope="row" lang={langOfData(a.enterpriseName)}>{a.enterpriseName}</th>
                          <td><code>{a.creditCode}</code></td>
                          <td>{a.certType ? t('common.withUnit', { name: subsidyKindName(policy, a.kind, lang), unit: a.certType }) : subsidyKindName(policy, a.kind, lang)}</td>
                          <td lang={langOfData(a.item)}>{a.item}</td>
                          <td>{a.date ?? '—'}</td>
                          <td className="num">{formatYuan(a.costYuan)}</td>
                          <td>
                            <span className={a.eligible ? 'chip chip-ok' : 'chip chip-bad'}>
                              <span aria-hidden="true">{a.eligible ? '✔ ' : '✖ '}</span>
                              {a.eligible ? t('subsidies.eligible') : t('subsidies.ineligible')}
                            </span>
                          </td>
                          <td>
                            {a.reasons.length > 0 && (
                              <ul className="reasons">{a.reasons.map((r) => <li key={r}>{t(`reason.${r}`)}</li>)}</ul>
                            )}
                          </td>
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
