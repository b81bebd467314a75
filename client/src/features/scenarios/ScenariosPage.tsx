import { useEffect, useState, type FormEvent } from 'react';
import type { Policy } from '@scoreboard/shared';
import { ApiError } from '../../api/client';
import { fetchSavedScenario, useEvaluateScenario, useExportScenario, useSaveScenario } from '../../api/mutations';
import { useCan } from '../../auth/session';
import { useI18n } from '../../i18n/I18nProvider';
import { PolicyBadges, usePolicy } from '../../layout/policy';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { SavedScenarios } from './SavedScenarios';
import { ScenarioComparison } from './ScenarioComparison';
import { ScenarioForm } from './ScenarioForm';
import { errorsByPath, type Draft } from './scenarioDraft';
import { settingLabel, settingValueText } from './scenarioWording';
import { StabilityPanel } from './StabilityPanel';

/**
 * /scenarios (SPEC §14): start from the policy shown, change its settings, compare the two
 * rankings on the same figures; save, export, adopt; and see how stable each place is.
 */
export default function ScenariosPage() {
  const { t } = useI18n();
  const { policyId } = usePolicy();
  if (!useCan('leader')) return <p role="alert" className="notice notice-error">{t('common.forbidden')}</p>;
  // A policy chosen in the switcher starts afresh from its own document.
  return <ScenarioWorkbench key={policyId} />;
}

function ScenarioWorkbench() {
  const { t, lang } = useI18n();
  const { policyId, policy, summary } = usePolicy();
  const [draft, setDraft] = useState<Draft>(policy);
  const [month, setMonth] = useState<number | null>(null);
  const [name, setName] = useState('');
  const evaluate = useEvaluateScenario(policyId);
  const save = useSaveScenario(policyId);
  const exportXlsx = useExportScenario(policyId);
  const [loadError, setLoadError] = useState<Error | null>(null);

  const request = (doc: Draft = draft, m: number | null = month) => ({ policy: doc, ...(m ? { month: m } : {}) });
  const run = (doc: Draft = draft, m: number | null = month) => evaluate.mutate(request(doc, m));

  // On arrival: the policy unchanged, so the comparison shows its ranking before anything is touched.
  const { mutate } = evaluate;
  useEffect(() => {
    mutate({ policy });
  }, [mutate, policy]);

  const invalid = evaluate.error instanceof ApiError && evaluate.error.code === 'invalid_policy' ? errorsByPath(evaluate.error.body) : new Map<string, string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run();
  };
  const load = async (scenarioId: number) => {
    setLoadError(null);
    try {
      const saved = await fetchSavedScenario(policyId, scenarioId);
      setDraft(saved.policy);
      setMonth(saved.month);
      setName(saved.name);
      run(saved.policy, saved.month);
    } catch (e) {
      setLoadError(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const colon = lang === 'en' ? ': ' : '：';
  const result = evaluate.data;
  // the document the result was computed from (the form may have moved on since)
  const scenarioPolicy = (evaluate.variables?.policy as Policy | undefined) ?? policy;

  return (
    <section aria-labelledby="scenarios-title">
      <div className="page-head">
        <h1 id="scenarios-title">{t('scenarios.title')}</h1>
        <PolicyBadges summary={summary} />
      </div>
      <p className="muted">{t('scenarios.intro')}</p>

      <form className="card" onSubmit={submit} aria-labelledby="scenario-settings-title" noValidate>
        <h2 id="scenario-settings-title">{t('scenarios.settings')}</h2>
        <div className="toolbar">
          <div className="field">
            <label htmlFor="scenario-month">{t('scenarios.month')}</label>
            <select id="scenario-month" value={month ?? ''} onChange={(e) => setMonth(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{t('scenarios.latest')}</option>
              {policy.period.months.map((m) => <option key={m} value={m}>{t('common.month', { month: m })}</option>)}
            </select>
          </div>
        </div>
        <ScenarioForm draft={draft} onChange={setDraft} errors={invalid} />
        {invalid.size > 0 && (
          <div role="alert" className="notice notice-error" data-testid="scenario-invalid">
            {t('scenarios.invalid', { n: invalid.size })}
            <ul>
              {[...invalid].map(([path, message]) => <li key={path}>{settingLabel(path, policy, t, lang)}{colon}{message}</li>)}
            </ul>
          </div>
        )}
        {evaluate.error && invalid.size === 0 && <ErrorNotice error={evaluate.error} />}
        <div className="toolbar sticky-actions">
          <button type="submit" className="button button-primary" disabled={evaluate.isPending}>{evaluate.isPending ? t('scenarios.evaluating') : t('scenarios.evaluate')}</button>
          <button type="button" className="button" onClick={() => { setDraft(policy); setName(''); run(policy); }}>{t('scenarios.reset')}</button>
        </div>
      </form>

      {result && (
        <div className="card" aria-labelledby="scenario-result-title">
          <div className="page-head">
            <h2 id="scenario-result-title">{t('scenarios.result')}{result.month !== null && <> · {t('common.asOf', { month: result.month })}</>}</h2>
            <button type="button" className="button" disabled={exportXlsx.isPending} onClick={() => exportXlsx.mutate({ ...request(), ...(name.trim() ? { name: name.trim() } : {}) })}>{t('scenarios.exportXlsx')}</button>
          </div>
          <ErrorNotice error={exportXlsx.error} />
          <ScenarioComparison evaluation={result} base={policy} scenario={scenarioPolicy} />
          {result.settings.length > 0 && (
            <>
              <h3>{t('scenarios.changedSettings')}</h3>
              <ul data-testid="changed-settings">
                {result.settings.map((s) => (
                  <li key={s.path}>{settingLabel(s.path, policy, t, lang)}{colon}{settingValueText(s.before, t)} → {settingValueText(s.after, t)}</li>
                ))}
              </ul>
            </>
          )}
          <form className="toolbar" onSubmit={(e) => { e.preventDefault(); save.mutate({ ...request(), name: name.trim() }); }}>
            <div className="field">
              <label htmlFor="scenario-name">{t('scenarios.saveName')}</label>
              <input id="scenario-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <button type="submit" className="button" disabled={save.isPending || name.trim() === ''}>{t('scenarios.save')}</button>
            {save.data && <span role="status">{t('scenarios.saved', { name: save.data.name })}</span>}
            <ErrorNotice error={save.error} />
          </form>
        </div>
      )}

      <div className="card">
        <h2>{t('scenarios.savedList')}</h2>
        <ErrorNotice error={loadError} />
        <SavedScenarios onLoad={(id) => void load(id)} />
      </div>

      <div className="card">
        <h2>{t('scenarios.stability')}</h2>
        <p className="muted">{t('scenarios.stabilityIntro')}</p>
        <StabilityPanel month={month} />
      </div>
    </section>
  );
}
