import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { SavedScenarioSummary } from '@scoreboard/shared';
import { useAdoptScenario, useDeleteScenario } from '../../api/mutations';
import { useSavedScenariosQuery } from '../../api/queries';
import { IfRole } from '../../auth/session';
import { actorName } from '../../format/actors';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { POLICY_PARAM, usePolicy } from '../../layout/policy';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { QueryState } from '../../ui/QueryState';
import { settingLabel } from './scenarioWording';

/** An admin adopts a saved scenario as a new draft policy (SPEC §14). */
function AdoptForm({ scenario }: { scenario: SavedScenarioSummary }) {
  const { t } = useI18n();
  const { policyId } = usePolicy();
  const adopt = useAdoptScenario();
  const [id, setId] = useState(`${policyId}-${scenario.scenarioId}`);
  const [title, setTitle] = useState(scenario.name);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    adopt.mutate({ fromPolicyId: policyId, scenarioId: scenario.scenarioId, id: id.trim(), title: title.trim() });
  };
  const prefix = `adopt-${scenario.scenarioId}`;
  return (
    <form className="toolbar adopt-form" onSubmit={submit} aria-label={t('scenarios.adoptFor', { name: scenario.name })}>
      <div className="field">
        <label htmlFor={`${prefix}-id`}>{t('scenarios.adoptId')}</label>
        <input id={`${prefix}-id`} required pattern="[a-z0-9\-]{3,64}" value={id} onChange={(e) => setId(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-title`}>{t('scenarios.adoptTitle')}</label>
        <input id={`${prefix}-title`} required maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <button type="submit" className="button button-primary" disabled={adopt.isPending}>{t('scenarios.adoptSubmit')}</button>
      {adopt.data && (
        <span role="status">
          {t('scenarios.adopted', { title: adopt.data.title })}{' '}
          <Link to={`/?${POLICY_PARAM}=${encodeURIComponent(adopt.data.policyId)}`}>{t('scenarios.openAdopted')}</Link>
        </span>
      )}
      <ErrorNotice error={adopt.error} />
      <p className="muted small">{t('scenarios.adoptNote')}</p>
    </form>
  );
}

/** Saved scenarios, newest first: load into the form, export, delete, adopt (admins). */
export function SavedScenarios({ onLoad }: { onLoad: (scenarioId: number) => void }) {
  const { t, lang } = useI18n();
  const { policyId, policy } = usePolicy();
  const query = useSavedScenariosQuery(policyId);
  const remove = useDeleteScenario(policyId);
  const [adopting, setAdopting] = useState<number | null>(null);
  return (
    <QueryState query={query}>
      {({ scenarios }) =>
        scenarios.length === 0 ? (
          <p className="muted">{t('scenarios.noSaved')}</p>
        ) : (
          <>
            <ErrorNotice error={remove.error} />
            <ul className="saved-scenarios" data-testid="saved-scenarios">
              {scenarios.map((s) => (
                <li key={s.scenarioId}>
                  <div className="saved-head">
                    <strong>{s.name}</strong>
                    <span className="muted">{t('scenarios.savedBy', { by: actorName(s.createdBy, t), at: formatDateTime(s.createdAt) })}</span>
                    <span className="muted">{t('scenarios.settingsCount', { n: s.settings.length })}</span>
                  </div>
                  {s.settings.length > 0 && (
                    <p className="small">{s.settings.map((c) => settingLabel(c.path, policy, t, lang)).join('；')}</p>
                  )}
                  <div className="toolbar">
                    <button type="button" className="button" aria-label={t('scenarios.loadName', { name: s.name })} onClick={() => onLoad(s.scenarioId)}>{t('scenarios.load')}</button>
                    <a className="button" href={`/api/policies/${encodeURIComponent(policyId)}/scenarios/${s.scenarioId}.xlsx`} download aria-label={t('scenarios.exportSavedName', { name: s.name })}>{t('scenarios.exportSaved')}</a>
                    <ConfirmButton label={t('scenarios.delete')} question={t('scenarios.deleteConfirm', { name: s.name })} danger disabled={remove.isPending} onConfirm={() => remove.mutate(s.scenarioId)} />
                    <IfRole role="admin">
                      <button type="button" className="button" aria-expanded={adopting === s.scenarioId} onClick={() => setAdopting(adopting === s.scenarioId ? null : s.scenarioId)}>{t('scenarios.adopt')}</button>
                    </IfRole>
                  </div>
                  {adopting === s.scenarioId && <AdoptForm scenario={s} />}
                </li>
              ))}
            </ul>
          </>
        )
      }
    </QueryState>
  );
}
