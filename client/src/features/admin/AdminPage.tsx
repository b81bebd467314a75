import { useState, type FormEvent } from 'react';
import { roleSchema, ROLE_ORDER, type BudgetSetting, type Role } from '@scoreboard/shared';
import { useCreateUser, useSetBudget, useUpdateUser } from '../../api/mutations';
import { useAuditQuery, useBudgetSettingQuery, useUsersQuery } from '../../api/queries';
import { useCan, useSession } from '../../auth/session';
import { actorName } from '../../format/actors';
import { formatDateTime } from '../../format/dates';
import { formatMoneyWan } from '../../format/numbers';
import { useI18n } from '../../i18n/I18nProvider';
import { usePolicy } from '../../layout/policy';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { QueryState } from '../../ui/QueryState';
import { BackupStatus } from './BackupStatus';
import { WebhooksPanel } from './WebhooksPanel';
import { TableRegion } from '../../ui/TableRegion';
import { DisplayLinks } from './DisplayLinks';
import { langOfData } from '../../ui/Interpolate';

/** Edits the budget total in force now; a finalized table keeps its own (SPEC §7, §9). */
function BudgetForm({ setting, mutation }: { setting: BudgetSetting; mutation: ReturnType<typeof useSetBudget> }) {
  const { t } = useI18n();
  const [text, setText] = useState(setting.totalWan === null ? '' : String(setting.totalWan));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = text.trim();
    mutation.mutate(trimmed === '' ? null : Number(trimmed));
  };
  const total = formatMoneyWan(setting.totalWan);
  return (
    <form className="toolbar" onSubmit={submit}>
      <p className="notice" data-testid="budget-setting">
        {t(`admin.budgetSource.${setting.source}`, { total, policy: setting.policyTotalWan === null ? '—' : formatMoneyWan(setting.policyTotalWan) })}{' '}
        {t('admin.budgetFrozen')}
      </p>
      <div className="field">
        <label htmlFor="budget-total">{t('admin.budgetWan')}</label>
        <input id="budget-total" inputMode="numeric" pattern="\d*" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>{t('admin.save')}</button>
      {mutation.isSuccess && <span role="status">{t('admin.saved')}</span>}
      <ErrorNotice error={mutation.error} />
    </form>
  );
}

function CreateUserForm() {
  const { t } = useI18n();
  const mutation = useCreateUser();
  const [form, setForm] = useState({ username: '', displayName: '', role: 'viewer' as Role, password: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate(form, { onSuccess: () => setForm({ username: '', displayName: '', role: 'viewer', password: '' }) });
  };
  return (
    <form className="toolbar" onSubmit={submit} aria-label={t('admin.create')}>
      <div className="field"><label htmlFor="nu-username">{t('admin.username')}</label><input id="nu-username" required pattern="[a-z][a-z0-9_.\-]{2,31}" value={form.username} onChange={(e) => setForm({ ...form, username: e.target.value })} /></div>
      <div className="field"><label htmlFor="nu-name">{t('admin.displayName')}</label><input id="nu-name" required value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} /></div>
      <div className="field">
        <label htmlFor="nu-role">{t('admin.role')}</label>
        <select id="nu-role" value={form.role} onChange={(e) => setForm({ ...form, role: roleSchema.parse(e.target.value) })}>
          {ROLE_ORDER.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
        </select>
      </div>
      <div className="field"><label htmlFor="nu-password">{t('admin.password')}</label><input id="nu-password" type="password" autoComplete="new-password" required minLength={10} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} /></div>
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>{t('admin.create')}</button>
      <ErrorNotice error={mutation.error} />
    </form>
  );
}

export default function AdminPage() {
  const { t } = useI18n();
  const isAdmin = useCan('admin');
  const me = useSession();
  const { policyId } = usePolicy();
  const users = useUsersQuery(isAdmin);
  const budget = useBudgetSettingQuery(policyId, isAdmin);
  // here, not in the form: the form is re-made when the setting changes, the "saved" state stays
  const setBudget = useSetBudget(policyId);
  const audit = useAuditQuery(isAdmin);
  const update = useUpdateUser();
  if (!isAdmin) return <p role="alert" className="notice notice-error">{t('common.forbidden')}</p>;
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <div className="card">
        <h2>{t('admin.budget')}</h2>
        {/* keyed by the setting: a change made elsewhere (another admin, a revert) resets the field */}
        <QueryState query={budget}>{(b) => <BudgetForm key={`${policyId}:${b.totalWan}`} setting={b} mutation={setBudget} />}</QueryState>
      </div>
      <div className="card">
        <h2>{t('admin.users')}</h2>
        <CreateUserForm />
        <ErrorNotice error={update.error} />
        <QueryState query={users}>
          {(data) => (
            <TableRegion label={t('admin.users')}>
            <table className="data-table" data-testid="users-table">
              <thead>
                <tr>
                  <th scope="col">{t('admin.username')}</th>
                  <th scope="col">{t('admin.displayName')}</th>
                  <th scope="col">{t('admin.role')}</th>
                  <th scope="col">{t('admin.createdAt')}</th>
                  <th scope="col">{t('uploads.state')}</th>
                </tr>
              </thead>
              <tbody>
                {data.users.map((u) => (
                  <tr key={u.username}>
                    <th scope="row">{u.username}</th>
                    <td lang={langOfData(u.displayName)}>{u.displayName}</td>
                    <td>
                      <label className="sr-only" htmlFor={`role-${u.username}`}>{t('admin.role')} {u.username}</label>
                      <select id={`role-${u.username}`} value={u.role} disabled={u.username === me.username || update.isPending}
                        onChange={(e) => update.mutate({ username: u.username, role: roleSchema.parse(e.target.value) })}>
                        {ROLE_ORDER.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
                      </select>
                    </td>
                    <td>{formatDateTime(u.createdAt)}</td>
                    <td>
                      <span className={u.disabled ? 'chip chip-muted' : 'chip chip-ok'}>{u.disabled ? t('admin.disabled') : t('admin.enabled')}</span>{' '}
                      {u.username !== me.username && (
                        <button type="button" className="button" disabled={update.isPending} onClick={() => update.mutate({ username: u.username, disabled: !u.disabled })}>
                          {u.disabled ? t('admin.enable') : t('admin.disable')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            </TableRegion>
          )}
        </QueryState>
      </div>
      <BackupStatus />
      <WebhooksPanel />
      <DisplayLinks />
      <div className="card">
        <h2>{t('admin.audit')}</h2>
        <QueryState query={audit}>
          {(data) => (
            <TableRegion label={t('admin.audit')} tall>
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.at')}</th>
                    <th scope="col">{t('admin.actor')}</th>
                    <th scope="col">{t('admin.action')}</th>
                    <th scope="col">{t('admin.targetCol')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.entries.slice(0, 200).map((e) => (
                    <tr key={e.auditId}>
                      <td>{formatDateTime(e.at)}</td>
                      <td>{actorName(e.actor, t)}</td>
                      <td><code>{e.action}</code></td>
                      <td lang={langOfData(e.target)}>{e.target}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </QueryState>
      </div>
    </section>
  );
}
