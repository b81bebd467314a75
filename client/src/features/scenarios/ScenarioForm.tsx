import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { indicatorName, indicatorShort, subsidyKindName } from '../../policy/wording';
import { decimalInput, getAt, integerInput, moveItem, pathKey, setAt, settingText, type Draft, type Path } from './scenarioDraft';

interface FormProps {
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** the server's reasons, by path (422 invalid_policy) */
  errors: ReadonlyMap<string, string>;
}

const fieldId = (path: Path) => `scenario-${pathKey(path).replace(/\./g, '-')}`;

/** The reason the server gave for this field, tied to the input by aria-describedby. */
function FieldError({ path, errors }: { path: Path; errors: ReadonlyMap<string, string> }) {
  const message = errors.get(pathKey(path));
  if (!message) return null;
  return <span id={`${fieldId(path)}-error`} className="field-error" role="alert">{message}</span>;
}

/**
 * One setting: its label (with the group it belongs to for screen readers, e.g. "产值 · 加分上限"),
 * the text as typed, and the server's reason when it was refused.
 */
function SettingInput(props: FormProps & { path: Path; label: ReactNode; context?: string; kind: 'decimal' | 'integer' | 'optionalInteger' }) {
  const { draft, onChange, errors, path, label, context, kind } = props;
  const id = fieldId(path);
  const invalid = errors.has(pathKey(path));
  return (
    <div className="field">
      <label htmlFor={id}>
        {context && <span className="sr-only">{context} · </span>}
        {label}
      </label>
      <input
        id={id}
        inputMode="decimal"
        autoComplete="off"
        value={settingText(getAt(draft, path))}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => {
          const text = e.target.value;
          const value = kind === 'decimal' ? decimalInput(text) : integerInput(text, kind === 'optionalInteger');
          onChange(setAt(draft, path, value));
        }}
      />
      <FieldError path={path} errors={errors} />
    </div>
  );
}

function IndicatorSettings(props: FormProps) {
  const { t, lang } = useI18n();
  const indicators = props.draft.countyAward.indicators;
  return (
    <div className="scenario-grid">
      {indicators.map((ind, i) => {
        const at = (key: string): Path => ['countyAward', 'indicators', i, key];
        const name = indicatorShort(ind, lang);
        return (
          <fieldset key={ind.indicatorId} className="scenario-fieldset" data-testid={`indicator-${ind.indicatorId}`}>
            <legend>
              {indicatorName(ind, lang)} <span className="muted">（{t(`scenarios.scoring.${ind.scoring}`)}）</span>
            </legend>
            <SettingInput {...props} path={at('basePoints')} label={t('scenarios.basePoints')} context={name} kind="decimal" />
            {ind.scoring === 'completion' ? (
              <>
                <SettingInput {...props} path={at('bonusPerPoint')} label={t('scenarios.bonusPerPoint')} context={name} kind="decimal" />
                <SettingInput {...props} path={at('bonusCap')} label={t('scenarios.bonusCap')} context={name} kind="decimal" />
                <SettingInput {...props} path={at('floorPct')} label={t('scenarios.floorPct')} context={name} kind="decimal" />
              </>
            ) : (
              <>
                <SettingInput {...props} path={at('stepPoints')} label={t('scenarios.stepPoints')} context={name} kind="decimal" />
                <SettingInput {...props} path={at('floorPoints')} label={t('scenarios.floorPoints')} context={name} kind="decimal" />
              </>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

function AwardSettings(props: FormProps) {
  const { t, lang } = useI18n();
  const { draft, onChange, errors } = props;
  const awards = draft.countyAward.awards;
  const condition = awards.condition;
  const tiers = awards.tiersWan;
  const tieBreakers = draft.countyAward.tieBreakers;
  const setAwards = (key: string, value: unknown) => onChange(setAt(draft, ['countyAward', 'awards', key], value));
  const nameOf = (id: string) => {
    const ind = draft.countyAward.indicators.find((i) => i.indicatorId === id);
    return ind ? indicatorShort(ind, lang) : id;
  };
  return (
    <div className="scenario-grid">
      <fieldset className="scenario-fieldset">
        <legend>{t('scenarios.tiers')}</legend>
        {tiers.map((_, i) => (
          <SettingInput key={i} {...props} path={['countyAward', 'awards', 'tiersWan', i]} label={t('scenarios.tier', { n: i + 1 })} kind="integer" />
        ))}
        <FieldError path={['countyAward', 'awards', 'tiersWan']} errors={errors} />
        <div className="toolbar">
          <button type="button" className="button" onClick={() => setAwards('tiersWan', [...tiers, 0])}>{t('scenarios.addTier')}</button>
          <button type="button" className="button" disabled={tiers.length <= 1} onClick={() => setAwards('tiersWan', tiers.slice(0, -1))}>{t('scenarios.removeTier')}</button>
        </div>
      </fieldset>
      <fieldset className="scenario-fieldset">
        <legend>{t('scenarios.condition')}</legend>
        <div className="field">
          <label htmlFor="scenario-condition">{t('scenarios.condition')}</label>
          <select
            id="scenario-condition"
            value={condition?.kind ?? 'none'}
            onChange={(e) => {
              const kind = e.target.value;
              setAwards('condition', kind === 'minScore' ? { kind, score: condition?.kind === 'minScore' ? condition.score : 100 } : kind === 'everyIndicatorComplete' ? { kind } : null);
            }}
          >
            <option value="none">{t('scenarios.condition.none')}</option>
            <option value="minScore">{t('scenarios.condition.minScore')}</option>
            <option value="everyIndicatorComplete">{t('scenarios.condition.everyIndicatorComplete')}</option>
          </select>
        </div>
        {condition?.kind === 'minScore' && (
          <SettingInput {...props} path={['countyAward', 'awards', 'condition', 'score']} label={t('scenarios.minScore')} kind="decimal" />
        )}
        <div className="field">
          <label htmlFor="scenario-unpaid">{t('scenarios.unpaidPlace')}</label>
          <select id="scenario-unpaid" value={awards.unpaidPlace} onChange={(e) => setAwards('unpaidPlace', e.target.value)}>
            <option value="passesDown">{t('scenarios.unpaidPlace.passesDown')}</option>
            <option value="lapses">{t('scenarios.unpaidPlace.lapses')}</option>
          </select>
        </div>
      </fieldset>
      <fieldset className="scenario-fieldset">
        <legend>{t('scenarios.tieBreakers')}</legend>
        <ol className="tie-breakers">
          {tieBreakers.map((id, i) => (
            <li key={id}>
              <span>{nameOf(id)}</span>
              <button type="button" className="link-button" disabled={i === 0} aria-label={t('scenarios.moveUp', { name: nameOf(id) })}
                onClick={() => onChange(setAt(draft, ['countyAward', 'tieBreakers'], moveItem(tieBreakers, i, -1)))}>▲</button>
              <button type="button" className="link-button" disabled={i === tieBreakers.length - 1} aria-label={t('scenarios.moveDown', { name: nameOf(id) })}
                onClick={() => onChange(setAt(draft, ['countyAward', 'tieBreakers'], moveItem(tieBreakers, i, 1)))}>▼</button>
            </li>
          ))}
        </ol>
      </fieldset>
    </div>
  );
}

function SubsidySettings(props: FormProps) {
  const { t, lang } = useI18n();
  const { draft, onChange } = props;
  return (
    <div className="scenario-grid">
      {draft.subsidies.kinds.map((k, i) => {
        const at = (key: string): Path => ['subsidies', 'kinds', i, key];
        const name = subsidyKindName(draft, k.kind, lang);
        return (
          <fieldset key={k.kind} className="scenario-fieldset">
            <legend>{name}</legend>
            <SettingInput {...props} path={at('ratePct')} label={t('scenarios.ratePct')} context={name} kind="decimal" />
            <SettingInput {...props} path={at('capWan')} label={t('scenarios.capWan')} context={name} kind="integer" />
            <div className="field">
              <label htmlFor={fieldId(at('capScope'))}><span className="sr-only">{name} · </span>{t('scenarios.capScope')}</label>
              <select id={fieldId(at('capScope'))} value={k.capScope} onChange={(e) => onChange(setAt(draft, at('capScope'), e.target.value))}>
                <option value="perEnterprise">{t('scenarios.capScope.perEnterprise')}</option>
                <option value="perEvent">{t('scenarios.capScope.perEvent')}</option>
              </select>
            </div>
          </fieldset>
        );
      })}
      <fieldset className="scenario-fieldset">
        <legend>{t('awards.budget')}</legend>
        <SettingInput {...props} path={['budget', 'totalWan']} label={t('scenarios.budget')} kind="optionalInteger" />
        <p className="muted small">{t('scenarios.budgetNote')}</p>
      </fieldset>
    </div>
  );
}

/** Form controls generated from the policy: any number of indicators, tiers and subsidy kinds. */
export function ScenarioForm(props: FormProps) {
  const { t } = useI18n();
  return (
    <>
      <h3>{t('scenarios.indicators')}</h3>
      <IndicatorSettings {...props} />
      <h3>{t('scenarios.awards')}</h3>
      <AwardSettings {...props} />
      <h3>{t('scenarios.subsidies')}</h3>
      <SubsidySettings {...props} />
    </>
  );
}
