import { useState, type FormEvent } from 'react';
import { useCreateDisplayLink, useRevokeDisplayLink } from '../../api/mutations';
import { useDisplayLinksQuery } from '../../api/queries';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { usePolicy } from '../../layout/policy';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { QueryState } from '../../ui/QueryState';
import { TableRegion } from '../../ui/TableRegion';
import { langOfData } from '../../ui/Interpolate';

/**
 * Display links for meeting-room wall screens (SPEC §16): make one for a policy and a room, copy
 * its address once (only its hash is kept), see when each screen was last seen, revoke it.
 */
export function DisplayLinks() {
  const { t, lang } = useI18n();
  const { policyId, policies } = usePolicy();
  const links = useDisplayLinksQuery(true);
  const create = useCreateDisplayLink();
  const revoke = useRevokeDisplayLink();
  const [label, setLabel] = useState('');
  const [forPolicy, setForPolicy] = useState(policyId);
  const created = create.data ? `${window.location.origin}${create.data.path}` : null;
  const periodOf = (id: string) => {
    const p = policies.find((x) => x.policyId === id);
    return p ? (lang === 'en' ? p.periodLabelEn : p.periodLabel) : id;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ policyId: forPolicy, label: label.trim() }, { onSuccess: () => setLabel('') });
  };
  return (
    <div className="card" data-testid="display-links">
      <h2>{t('admin.display.title')}</h2>
      <p className="muted">{t('admin.display.note')}</p>
      <form className="toolbar" onSubmit={submit} aria-label={t('admin.display.create')}>
        <div className="field">
          <label htmlFor="dl-label">{t('admin.display.label')}</label>
          <input id="dl-label" required maxLength={60} value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="dl-policy">{t('policy.switch')}</label>
          <select id="dl-policy" value={forPolicy} onChange={(e) => setForPolicy(e.target.value)}>
            {policies.map((p) => <option key={p.policyId} value={p.policyId}>{periodOf(p.policyId)}</option>)}
          </select>
        </div>
        <button type="submit" className="button button-primary" disabled={create.isPending}>{t('admin.display.create')}</button>
      </form>
      <ErrorNotice error={create.error} />
      {created && (
        <div className="notice notice-ok" role="status" data-testid="display-link-created">
          <label htmlFor="dl-created">{t('admin.display.created')}</label>
          <input id="dl-created" className="display-link-url" readOnly value={created} onFocus={(e) => e.target.select()} />
        </div>
      )}
      <ErrorNotice error={revoke.error} />
      <QueryState query={links}>
        {(data) =>
          data.links.length === 0 ? (
            <p className="muted">{t('admin.display.none')}</p>
          ) : (
            <TableRegion label={t('admin.display.title')}>
              <table className="data-table table-actions" data-testid="display-links-table">
                <thead>
                  <tr>
                    <th scope="col">{t('admin.display.label')}</th>
                    <th scope="col">{t('policy.switch')}</th>
                    <th scope="col">{t('admin.display.createdBy')}</th>
                    <th scope="col">{t('admin.display.lastSeen')}</th>
                    <th scope="col">{t('uploads.state')}</th>
                    <th scope="col"><span className="sr-only">{t('admin.display.revoke')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {data.links.map((l) => (
                    <tr key={l.linkId} data-link={l.linkId}>
                      <th scope="row" lang={langOfData(l.label)}>{l.label}</th>
                      <td>{periodOf(l.policyId)}</td>
                      <td>{l.createdBy} · {formatDateTime(l.createdAt)}</td>
                      <td>{l.lastSeenAt ? formatDateTime(l.lastSeenAt) : t('admin.display.neverSeen')}</td>
                      <td>
                        {l.revokedAt ? (
                          <span className="chip chip-muted">{t('admin.display.revoked', { at: formatDateTime(l.revokedAt), by: l.revokedBy ?? '' })}</span>
                        ) : (
                          <span className={l.connected > 0 ? 'chip chip-ok' : 'chip chip-muted'}>
                            {l.connected > 0 ? t('admin.display.online', { n: l.connected }) : t('admin.display.offline')}
                          </span>
                        )}
                      </td>
                      <td>
                        {!l.revokedAt && (
                          <ConfirmButton
                            label={t('admin.display.revoke')}
                            question={t('admin.display.revokeConfirm', { label: l.label })}
                            danger
                            disabled={revoke.isPending}
                            onConfirm={() => revoke.mutate(l.linkId)}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )
        }
      </QueryState>
    </div>
  );
}
