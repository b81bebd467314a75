import { Link } from 'react-router';
import { useAwardsQuery } from '../../api/queries';
import { formatChineseDate, formatEnglishDate } from '../../format/dates';
import { formatMoneyWan, formatNumber, formatPct } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { PolicySwitcher, usePolicy, usePolicyHref } from '../../layout/policy';
import { indicatorName, paymentConditionText } from '../../policy/wording';
import { QueryState } from '../../ui/QueryState';
import { tieBreakText } from '../ranking/tieBreak';
import { countyAwardTotal, indicatorDetailLines, pointsSumDiffers } from './awardSummary';
import { factorWords } from './budgetText';
import { overrideText } from './overrideText';
import { BilingualName } from '../../ui/Name';
import './print.css';
import { TableRegion } from '../../ui/TableRegion';
import { DataText, Interpolate } from '../../ui/Interpolate';
import { MarkedText } from '../../ui/Interpolate';

/**
 * The A4 award table for signing (SPEC §9): plain, no navigation; printing only on the button.
 * Once final it shows exactly the frozen snapshot the API returns.
 */
export default function AwardsPrintPage() {
  const { t, lang } = useI18n();
  const { policyId, policy, names, title } = usePolicy();
  const href = usePolicyHref();
  const query = useAwardsQuery(policyId);
  const indicators = policy.countyAward.indicators;
  const condition = paymentConditionText(policy, t);
  return (
    <QueryState query={query}>
      {(a) => {
        const total = countyAwardTotal(a.county);
        const granted = a.grants.reduce((s, g) => s + g.grantedWan, 0);
        const date = a.finalizedAt ?? new Date();
        return (
          // More than two indicators: a denser type so the table still fits one A4 page.
          <article className={indicators.length > 2 ? 'print-page print-dense' : 'print-page'} data-testid="print-page">
            {a.draft && <div className="watermark" aria-hidden="true">{t('common.draft')}</div>}
            <div className="print-tools no-print">
              <PolicySwitcher />
              <Link className="button" to={href('/awards')}>← {t('print.back')}</Link>
              <button type="button" className="button button-primary" onClick={() => window.print()}>{t('print.printButton')}</button>
            </div>
            <header className="print-header">
              <h1>
                {lang === 'en' ? title : a.title}
                {a.draft && <span className="draft-mark">{t('common.parenthesised', { text: t('common.draft') })}</span>}
                {a.example && !(lang === 'en' ? title : a.title).includes(t('policy.badge.example')) && <span className="draft-mark">{t('common.parenthesised', { text: t('policy.badge.example') })}</span>}
              </h1>
              <h2>{t('print.subtitle')}</h2>
              <p>
                {a.month !== null && t('print.asOf', { month: a.month, progress: formatPct(a.timeProgress, 1) })}
                {' · '}
                {a.final ? t('common.final') : t('awards.notFinal')}
              </p>
            </header>
            <TableRegion label={t('print.subtitle')} className="print-scroll">
            <table className="print-table">
              <thead>
                <tr>
                  <th scope="col">{t('ranking.rank')}</th>
                  <th scope="col">{t('ranking.unit')}</th>
                  <th scope="col">{t('ranking.score')}</th>
                  {indicators.map((i) => <th scope="col" key={i.indicatorId}>{indicatorName(i, lang)}</th>)}
                  <th scope="col">{t('ranking.award')}</th>
                </tr>
              </thead>
              <tbody>
                {a.county.map((r) => (
                  <tr key={r.unitId}>
                    <td className="num">{r.rank ?? '—'}{r.tied ? ` ${t('ranking.tied')}` : ''}</td>
                    <td>
                      <BilingualName className={r.disqualified ? 'struck' : undefined} parts={names.unitParts(r.unitId, r.unitName)} />
                      {r.disqualified && <div className="small"><Interpolate template={t('ranking.disqualifiedReason')} values={{ reason: <DataText text={r.disqualified.reason} /> }} /></div>}
                    </td>
                    <td className="num">
                      {formatNumber(r.score, 2)}
                      {pointsSumDiffers(r) && <span className="rounding-mark">{t('print.roundingMark')}</span>}
                    </td>
                    {indicators.map((i) => (
                      <td className="small indicator-detail" key={i.indicatorId}>
                        {indicatorDetailLines(r, i, t).map((line) => <span key={line}>{line}</span>)}
                      </td>
                    ))}
                    <td className="num award">{r.award > 0 ? formatNumber(r.award) : '—'}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3 + indicators.length}>{t('print.totalFigures')}</th>
                  <td className="num award" data-testid="print-total">{formatNumber(total.wan)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('print.totalCapitals')}</th>
                  <td colSpan={3 + indicators.length} data-testid="print-capitals" lang="zh-CN">{total.capitals}</td>
                </tr>
              </tfoot>
            </table>
            </TableRegion>
            {/* one paragraph of notes: the table must stay on one A4 page with its signature lines */}
            <p className="small">
              {t('print.detail')}{condition && ` ${condition}。`}
              {' '}<span data-testid="print-rounding">{t('print.roundingNote', { decimals: policy.countyAward.score.decimals })}</span>
              {a.county.filter((r) => r.tieBreak).map((r) => (
                <span key={r.unitId} data-testid="print-tie-break">{' '}<MarkedText text={t('print.tieBreakNote', { unit: r.unitName, text: tieBreakText(r, a.county, policy, t, lang) ?? '' })} /></span>
              ))}
            </p>
            {a.incompleteOverride && <p className="print-error" data-testid="print-override">{overrideText(a.incompleteOverride, t)}</p>}
            <p>{t('print.grantsSummary', { count: a.grants.length, granted: formatNumber(granted) })}</p>
            <p>
              {a.budget.totalWan === null
                ? `${t('awards.noBudget')} ${t('awards.paid')} ${formatMoneyWan(a.budget.paidWan, lang)}`
                : t('print.budgetLine', {
                    total: formatMoneyWan(a.budget.totalWan, lang),
                    paid: formatMoneyWan(a.budget.paidWan, lang),
                    remaining: a.budget.remainingWan === null ? '—' : formatMoneyWan(a.budget.remainingWan, lang),
                  })}
              {a.budget.scaled && ` · ${t('awards.factor')} ${factorWords(a.budget, t)}`}
            </p>
            {a.budget.overBudget && (
              <p className="print-error" data-testid="print-over-budget">
                {t('awards.overBudget', { county: formatMoneyWan(a.budget.countyWan), total: formatMoneyWan(a.budget.totalWan), shortfall: formatMoneyWan(a.budget.shortfallWan) })}
              </p>
            )}
            <footer className="signatures">
              <p>{t('print.date', { date: lang === 'en' ? formatEnglishDate(date) : formatChineseDate(date) })}</p>
              <div className="signature-lines">
                <span>{t('print.preparer')}<span className="line" /></span>
                <span>{t('print.reviewer')}<span className="line" /></span>
                <span>{t('print.leader')}<span className="line" /></span>
                <span className="seal">{t('print.seal')}</span>
              </div>
            </footer>
          </article>
        );
      }}
    </QueryState>
  );
}
