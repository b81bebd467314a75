import { useState, type FormEvent } from 'react';
import { WEBHOOK_EVENTS, webhookKindSchema, type WebhookEvent, type WebhookKind } from '@scoreboard/shared';
import { useCreateWebhook, useDeleteWebhook, useDeliveriesQuery, useTestWebhook, useWebhooksQuery } from '../../api/operations';
import { formatDateTime } from '../../format/dates';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { QueryState } from '../../ui/QueryState';
import { TableRegion } from '../../ui/TableRegion';

const KINDS = webhookKindSchema.options;
const EMPTY = { kind: 'wecom' as WebhookKind, name: '', url: '', secret: '', events: ['awards.changed', 'awards.finalized'] as WebhookEvent[] };

function CreateWebhookForm() {
  const { t } = useI18n();
  const create = useCreateWebhook();
  const [form, setForm] = useState(EMPTY);
  const toggle = (event: WebhookEvent, on: boolean) =>
    setForm({ ...form, events: on ? [...form.events, event] : form.events.filter((e) => e !== event) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { secret, ...rest } = form;
    create.mutate(secret.trim() ? { ...rest, secret: secret.trim() } : rest, { onSuccess: () => setForm(EMPTY) });
  };
  return (
    <form onSubmit={submit} aria-label={t('ops.webhook.add')}>
      <div className="toolbar">
        <div className="field">
          <label htmlFor="wh-kind">{t('ops.webhook.kind')}</label>
          <select id="wh-kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: webhookKindSchema.parse(e.target.value) })}>
            {KINDS.map((k) => <option key={k} value={k}>{t(`ops.kind.${k}`)}</option>)}
          </select>
        </div>
        <div className="field"><label htmlFor="wh-name">{t('ops.webhook.name')}</label><input id="wh-name" value={form.name} maxLength={100} onChange={(e) => setForm({ ...form, name: e.target.value })} /></div>
        <div className="field"><label htmlFor="wh-url">{t('ops.webhook.url')}</label><input id="wh-url" type="url" required size={48} value={form.url} onChange={(e) => setForm({ ...form, url: e.target.value })} /></div>
        <div className="field">
          <label htmlFor="wh-secret">{t(form.kind === 'dingtalk' ? 'ops.webhook.secretDingtalk' : 'ops.webhook.secret')}</label>
          <input id="wh-secret" type="password" autoComplete="off" value={form.secret} onChange={(e) => setForm({ ...form, secret: e.target.value })} />
        </div>
      </div>
      <fieldset className="toolbar checks">
        <legend>{t('ops.webhook.events')}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event}>
            <input type="checkbox" checked={form.events.includes(event)} onChange={(e) => toggle(event, e.target.checked)} /> {t(`ops.event.${event}`)}
          </label>
        ))}
      </fieldset>
      <div className="toolbar">
        <button type="submit" className="button button-primary" disabled={create.isPending || form.events.length === 0}>{t('ops.webhook.add')}</button>
        <ErrorNotice error={create.error} />
      </div>
    </form>
  );
}

function DeliveryLog({ names }: { names: Map<number, string> }) {
  const { t } = useI18n();
  const deliveries = useDeliveriesQuery(true);
  return (
    <QueryState query={deliveries}>
      {(data) =>
        data.deliveries.length === 0 ? (
          <p className="muted">{t('ops.delivery.none')}</p>
        ) : (
          <TableRegion label={t('ops.delivery.title')} tall>
            <table className="data-table" data-testid="deliveries-table">
              <caption className="sr-only">{t('ops.delivery.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.at')}</th>
                  <th scope="col">{t('ops.webhook.target')}</th>
                  <th scope="col">{t('ops.delivery.event')}</th>
                  <th scope="col">{t('uploads.state')}</th>
                  <th scope="col">{t('ops.delivery.attempts')}</th>
                  <th scope="col">{t('ops.delivery.lastError')}</th>
                </tr>
              </thead>
              <tbody>
                {data.deliveries.map((d) => (
                  <tr key={d.deliveryId}>
                    <td>{formatDateTime(d.createdAt)}</td>
                    <td>{names.get(d.webhookId) ?? `#${d.webhookId}`}</td>
                    <td title={d.summary}>{t(`ops.event.${d.event}`)}</td>
                    <td>
                      <span className={d.status === 'delivered' ? 'chip chip-ok' : d.status === 'failed' ? 'chip chip-bad' : 'chip chip-muted'}>
                        {t(`ops.status.${d.status}`)}
                      </span>
                      {d.status === 'pending' && d.nextAttemptAt && <span className="muted"> {t('ops.delivery.next', { at: formatDateTime(d.nextAttemptAt) })}</span>}
                    </td>
                    <td>{d.attempts}</td>
                    <td>{d.lastError ?? t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )
      }
    </QueryState>
  );
}

/** Notification targets on /admin (SPEC.md §18): 企业微信 / 钉钉 robots and JSON endpoints. */
export function WebhooksPanel() {
  const { t } = useI18n();
  const webhooks = useWebhooksQuery(true);
  const remove = useDeleteWebhook();
  const test = useTestWebhook();
  const names = new Map((webhooks.data?.webhooks ?? []).map((w) => [w.webhookId, w.name || t(`ops.kind.${w.kind}`)]));
  return (
    <div className="card" data-testid="webhooks-panel">
      <h2>{t('ops.webhook.title')}</h2>
      <p className="muted">{t('ops.webhook.intro')}</p>
      <QueryState query={webhooks}>
        {(data) =>
          data.webhooks.length === 0 ? (
            <p className="muted">{t('ops.webhook.none')}</p>
          ) : (
            <TableRegion label={t('ops.webhook.title')}>
              <table className="data-table" data-testid="webhooks-table">
                <caption className="sr-only">{t('ops.webhook.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('ops.webhook.target')}</th>
                    <th scope="col">{t('ops.webhook.url')}</th>
                    <th scope="col">{t('ops.webhook.events')}</th>
                    <th scope="col">{t('ops.webhook.signing')}</th>
                    <th scope="col"><span className="sr-only">{t('admin.action')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {data.webhooks.map((w) => (
                    <tr key={w.webhookId}>
                      <th scope="row">{names.get(w.webhookId)} <span className="chip chip-muted">{t(`ops.kind.${w.kind}`)}</span></th>
                      <td><code>{w.url}</code></td>
                      <td>{w.events.map((e) => t(`ops.event.${e}`)).join('、')}</td>
                      <td>{w.hasSecret ? t('ops.webhook.hasSecret') : t('common.none')}</td>
                      <td>
                        <button type="button" className="button" disabled={test.isPending} onClick={() => test.mutate(w.webhookId)}>
                          {t('ops.webhook.test')}
                        </button>{' '}
                        <ConfirmButton label={t('ops.webhook.delete')} question={t('ops.webhook.deleteQuestion', { name: names.get(w.webhookId) ?? '' })} danger
                          disabled={remove.isPending} onConfirm={() => remove.mutate(w.webhookId)} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )
        }
      </QueryState>
      {test.data && (
        <p role="status" className={test.data.status === 'delivered' ? 'notice notice-ok' : 'notice notice-error'} data-testid="webhook-test-result">
          {test.data.status === 'delivered' ? t('ops.webhook.testOk') : t('ops.webhook.testFailed', { error: test.data.lastError ?? '' })}
        </p>
      )}
      <ErrorNotice error={test.error ?? remove.error} />
      <h3>{t('ops.webhook.add')}</h3>
      <CreateWebhookForm />
      <h3>{t('ops.delivery.title')}</h3>
      <DeliveryLog names={names} />
    </div>
  );
}
