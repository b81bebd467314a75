import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useOutlookQuery } from '../../api/queries';
import { useI18n } from '../../i18n/I18nProvider';
import { usePolicy } from '../../layout/policy';
import { indicatorName, measureUnit } from '../../policy/wording';
import { QueryState } from '../../ui/QueryState';
import { formulaLines, gapSentences, scoreWords, standingWords } from './outlookText';

/**
 * 得分说明与差多少 (SPEC §15): why the unit scores what it does, worked with its own numbers, and how
 * much more each indicator needs for the period's target, a better rank and a paid place.
 */
export function OutlookSection({ unitId, month }: { unitId: string; month: number | null }) {
  const { t, lang } = useI18n();
  const { policyId, policy } = usePolicy();
  const query = useOutlookQuery(policyId, unitId, month);
  const location = useLocation();
  // The ranking links to #outlook: scroll there once the answer has arrived (the page above it is tall).
  const ready = query.isSuccess;
  useEffect(() => {
    if (ready && location.hash === '#outlook') document.getElementById('outlook')?.scrollIntoView();
  }, [ready, location.hash]);
  return (
    <section className="card outlook" id="outlook" aria-labelledby="outlook-title" data-testid="outlook">
      <h2 id="outlook-title">{t('outlook.title')}</h2>
      <QueryState query={query}>
        {(o) => {
          const score = scoreWords(o, t);
          return (
            <>
              <p data-testid="outlook-standing">{standingWords(o, policy, t)}</p>
              {score && <p className="outlook-score" data-testid="outlook-score">{score}</p>}
              {o.indicators.map((i) => {
                const scheme = policy.countyAward.indicators.find((s) => s.indicatorId === i.indicatorId);
                if (!scheme) return null;
                const words = gapSentences(o, i, scheme, policy, t, lang);
                return (
                  <div className="outlook-indicator" key={i.indicatorId} data-indicator={i.indicatorId}>
                    <h3>{indicatorName(scheme, lang)}</h3>
                    <ol className="outlook-formula">
                      {formulaLines(i, measureUnit(scheme, t), t).map((line) => <li key={line}>{line}</li>)}
                    </ol>
                    <ul className="outlook-gaps" data-testid="outlook-gaps">
                      {words.remaining && <li>{words.remaining}</li>}
                      <li>{words.nextRank}</li>
                      <li>{words.award}</li>
                    </ul>
                  </div>
                );
              })}
              <p className="outlook-note">{t('outlook.assumption')}</p>
            </>
          );
        }}
      </QueryState>
    </section>
  );
}
