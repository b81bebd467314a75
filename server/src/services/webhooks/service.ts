import type { CreateWebhookBody, Webhook, WebhookDelivery, WebhookEvent } from '@scoreboard/shared';
import { notFound } from '../../httpError';
import type { PolicyCatalog } from '../../plugins/policies';
import type { AuditRepository } from '../../repositories/audit';
import type { StoredWebhook, WebhooksRepository } from '../../repositories/webhooks';
import type { RankingService } from '../ranking';
import type { WebhookSender } from './sender';
import { maskUrl } from './signing';
import { msg } from '../../i18n/messages';

/** What the API shows of a target: never the secret, and the address with its key masked. */
export function visibleWebhook(w: StoredWebhook): Webhook {
  const { secret, url, ...rest } = w;
  return { ...rest, url: maskUrl(url), hasSecret: secret !== null };
}

/** Webhook targets on /admin (SPEC.md §18): add, list, delete, send a test, the delivery log. */
export function createWebhooksService(deps: {
  webhooks: WebhooksRepository;
  sender: Pick<WebhookSender, 'kick' | 'sendNow'>;
  audit: Pick<AuditRepository, 'append'>;
  policies: PolicyCatalog;
  ranking: Pick<RankingService, 'ranking'>;
  /** the policy a test message shows: the default one (the newest in force, SPEC §13) */
  defaultPolicyId: () => string;
  publicUrl: string | null;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const find = (webhookId: number): StoredWebhook => {
    const w = deps.webhooks.find(webhookId);
    if (!w) throw notFound('webhook_not_found', msg('webhook_not_found', { webhookId }));
    return w;
  };

  return {
    list: (): Webhook[] => deps.webhooks.list().map(visibleWebhook),

    create(actor: string, body: Omit<CreateWebhookBody, 'events' | 'name'> & { name: string; events: WebhookEvent[] }): Webhook {
      const stored: Omit<StoredWebhook, 'webhookId'> = {
        kind: body.kind,
        name: body.name,
        url: body.url,
        secret: body.secret ?? null,
        events: body.events,
        createdBy: actor,
        createdAt: new Date(now()).toISOString(),
      };
      const webhookId = deps.webhooks.insert(stored);
      const created = visibleWebhook({ webhookId, ...stored });
      deps.audit.append({ actor, action: 'webhook.create', target: `webhook:${webhookId}`, after: created });
      return created;
    },

    remove(actor: string, webhookId: number): void {
      const before = visibleWebhook(find(webhookId));
      deps.webhooks.remove(webhookId);
      deps.audit.append({ actor, action: 'webhook.delete', target: `webhook:${webhookId}`, before });
    },

    /** "Send a test": a sample message with the current places of the default policy, sent now. */
    async test(actor: string, webhookId: number): Promise<WebhookDelivery> {
      const target = find(webhookId);
      const policy = deps.policies.get(deps.defaultPolicyId()).policy;
      const ranking = policy ? deps.ranking.ranking(policy.policyId) : null;
      const top = (ranking?.rows ?? [])
        .filter((r) => r.rank !== null && r.award > 0)
        .map((r) => ({ rank: r.rank!, unitId: r.unitId, unitName: r.unitName, score: r.score, award: r.award }));
      const at = now();
      const message = {
        event: 'test' as const,
        policyId: policy?.policyId ?? null,
        policyTitle: policy?.title ?? null,
        revision: ranking?.revision ?? null,
        month: ranking?.month ?? null,
        at: new Date(at).toISOString(),
        summary: `${actor} 从“系统管理”页发送的测试消息：收到即表示通知目标“${target.name || maskUrl(target.url)}”配置正确。`,
        top,
        link: deps.publicUrl && policy ? `${deps.publicUrl}/?policy=${encodeURIComponent(policy.policyId)}` : null,
      };
      const deliveryId = deps.webhooks.enqueue({
        webhookId, event: 'test', policyId: message.policyId, revision: message.revision, summary: message.summary, message: JSON.stringify(message), at,
      });
      deps.audit.append({ actor, action: 'webhook.test', target: `webhook:${webhookId}`, after: { deliveryId } });
      const { message: _message, ...visible } = (await deps.sender.sendNow(deliveryId)) ?? deps.webhooks.delivery(deliveryId)!;
      return visible;
    },

    deliveries: (limit: number, webhookId?: number): WebhookDelivery[] => deps.webhooks.recent(limit, webhookId),
  };
}
export type WebhooksService = ReturnType<typeof createWebhooksService>;
