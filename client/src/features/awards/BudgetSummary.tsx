import type { BudgetSummary as Budget } from '@scoreboard/shared';
import { formatMoneyWan, formatNumber } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';

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
        <div className="stat"><dt>{t('awards.remaining')}</dt><dd>{budget.remainingWan === null ? '—' : formatMoneyWan(budget.remainingWan, lang)}</dd></div>
        <div className="stat"><dt>{t('awards.factor')}</dt><dd>{formatNumber(budget.factor, 4)}</dd></div>
      </dl>
      {budget.totalWan === null && <p className="notice">{t('awards.noBudget')}</p>}
      {budget.scaled && <p className="notice notice-warn">{t('subsidies.factor', { factor: formatNumber(budget.factor, 4) })}</p>}
    </>
  );
}
