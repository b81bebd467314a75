import type { BudgetSummary as Budget } from '@scoreboard/shared';
import { formatMoneyWan } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { factorWords } from './budgetText';

/** Total, paid, remaining and the subsidy factor (SPEC §7); says so when no budget is set. */
export function BudgetSummary({ budget }: { budget: Budget }) {
  const { t, lang } = useI18n();
  return (
    <>
      <dl className="stats" data-testid="budget">
        <div className="stat"><dt>{t('awards.budgetTotal')}</dt><dd className="big">{budget.totalWan === null ? '—' : formatMoneyWan(budget.totalWan, lang)}</dd></div>
        <div className="stat"><dt>{t('awards.countyTotal')}</dt><dd>{formatMoneyWan(budget.countyWan, lang)}</dd></div>
        <div className="stat"><dt>{t('awards.subsidiesTotal')}</dt><dd>{formatMoneyWan(budget.subsidiesWan, lang)}</dd></div>
        <div className="stat"><dt>{t('awards.paid')}</dt><dd className="big">{formatMoneyWan(budget.paidWan, lang)}</dd></div>
        <div className="stat">
          <dt>{t('awards.remaining')}</dt>
          {/* county awards above the total: a shortfall to fix, never a bare negative remainder */}
          {budget.overBudget
            ? <dd className="negative">{t('awards.shortfall', { amount: formatMoneyWan(budget.shortfallWan, lang) })}</dd>
            : <dd>{budget.remainingWan === null ? '—' : formatMoneyWan(budget.remainingWan, lang)}</dd>}
        </div>
        <div className="stat"><dt>{t('awards.factor')}</dt><dd>{factorWords(budget, t)}</dd></div>
      </dl>
      {budget.totalWan === null && <p className="notice">{t('awards.noBudget')}</p>}
      {budget.overBudget && (
        <p role="alert" className="notice notice-error" data-testid="over-budget">
          {t('awards.overBudget', { county: formatMoneyWan(budget.countyWan), total: formatMoneyWan(budget.totalWan), shortfall: formatMoneyWan(budget.shortfallWan) })}
        </p>
      )}
      {budget.scaled && !budget.overBudget && <p className="notice notice-warn">{t('subsidies.factor', { factor: factorWords(budget, t) })}</p>}
    </>
  );
}
