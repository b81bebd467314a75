import { webhookJsonPayloadSchema } from '@scoreboard/shared';
import type { StoredDelivery, StoredWebhook, WebhooksRepository } from '../../repositories/webhooks';
import { renderBody } from './messages';
import { jsonSignature, signedDingtalkUrl } from './signing';

/**
 * Sends queued deliveries (SPEC.md §18). Every delivery is a row first (webhook_deliveries), so a
 * restart resumes what was pending; the HTTP request happens here, never on the request path of the
 * change that caused it. One request at a time per target (its messages arrive in order), each with
 * a time limit; a failure is retried after baseDelayMs × factor^(attempt−1) until maxAttempts, then
 * the delivery is marked failed — visible to admins on /admin. Nothing here logs a URL or a secret.
 */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  factor: number;
  timeoutMs: number;
}
export const RETRY_DEFAULTS: RetryPolicy = { maxAttempts: 5, baseDelayMs: 30_000, factor: 4, timeoutMs: 10_000 };

export interface SenderLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/** What the robot answered, shortened; robots answer 200 with {errcode, errmsg} on a refusal. */
function verdict(kind: StoredWebhook['kind'], status: number, text: string): AttemptResult {
  const short = text.replace(/\s+/g, ' ').trim().slice(0, 300);
  if (status < 200 || status >= 300) return { ok: false, statusCode: status, error: `HTTP ${status}${short ? `：${short}` : ''}` };
  if (kind === 'json') return { ok: true, statusCode: status, error: null };
  try {
    const answer = JSON.parse(text) as { errcode?: unknown; errmsg?: unknown };
    if (answer.errcode === 0) return { ok: true, statusCode: status, error: null };
    return { ok: false, statusCode: status, error: `errcode ${String(answer.errcode)}：${String(answer.errmsg ?? '')}` };
  } catch {
    return { ok: false, statusCode: status, error: `机器人应答不是 JSON：${short}` };
  }
}

/** A network failure in words, without the address (which may hold a robot's key). */
function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `超时：${timeoutMs / 1000} 秒内未应答`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return `无法连接：${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}`;
}

export function createWebhookSender(deps: { webhooks: WebhooksRepository; log: SenderLog; retry?: Partial<RetryPolicy>; now?: () => number }) {
  const retry = { ...RETRY_DEFAULTS, ...deps.retry };
  const now = deps.now ?? Date.now;
  const busy = new Set<number>(); // webhook ids with a request in flight
  const inFlight = new Map<number, Promise<StoredDelivery | undefined>>(); // delivery id → attempt
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  async function post(webhook: StoredWebhook, delivery: StoredDelivery): Promise<AttemptResult> {
    const message = webhookJsonPayloadSchema.parse(JSON.parse(delivery.message));
    const body = JSON.stringify(renderBody(webhook.kind, message));
    const timestamp = now();
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'user-agent': 'industrial-growth-scoreboard' };
    if (webhook.kind === 'json' && webhook.secret) {
      headers['x-scoreboard-timestamp'] = String(timestamp);
      headers['x-scoreboard-signature'] = jsonSignature(webhook.secret, timestamp, body);
    }
    const url = webhook.kind === 'dingtalk' ? signedDingtalkUrl(webhook.url, webhook.secret, timestamp) : webhook.url;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers,
        body,
        redirect: 'error', // a robot never redirects; following one could carry the message elsewhere
        signal: AbortSignal.any([AbortSignal.timeout(retry.timeoutMs), stopping.signal]),
      });
      return verdict(webhook.kind, res.status, await res.text());
    } catch (error) {
      return { ok: false, statusCode: null, error: describe(error, retry.timeoutMs) };
    }
  }

  async function attempt(delivery: StoredDelivery): Promise<StoredDelivery | undefined> {
    const webhook = deps.webhooks.find(delivery.webhookId);
    if (!webhook) return undefined; // deleted meanwhile: its deliveries went with it
    const result = await post(webhook, delivery);
    if (stopped && !result.ok) return deps.webhooks.delivery(delivery.deliveryId); // cut short by shutdown: stays pending, resumes at start
    const attempts = delivery.attempts + 1;
    const finished = result.ok || attempts >= retry.maxAttempts;
    deps.webhooks.recordAttempt(delivery.deliveryId, {
      status: result.ok ? 'delivered' : finished ? 'failed' : 'pending',
      attempts,
      nextAttemptAt: finished ? null : now() + retry.baseDelayMs * retry.factor ** (attempts - 1),
      statusCode: result.statusCode,
      // a success keeps the failure before it on record: why it took more than one attempt
      error: result.ok ? delivery.lastError : result.error,
      deliveredAt: result.ok ? new Date(now()).toISOString() : null,
    });
    const where = { deliveryId: delivery.deliveryId, webhookId: webhook.webhookId, kind: webhook.kind, event: delivery.event, attempt: attempts };
    if (result.ok) deps.log.info(where, 'webhook delivered');
    else deps.log.warn({ ...where, error: result.error, final: finished }, finished ? 'webhook delivery failed for good' : 'webhook delivery failed; will retry');
    return deps.webhooks.delivery(delivery.deliveryId);
  }

  function start(delivery: StoredDelivery): Promise<StoredDelivery | undefined> {
    busy.add(delivery.webhookId);
    const running = attempt(delivery).finally(() => {
      busy.delete(delivery.webhookId);
      inFlight.delete(delivery.deliveryId);
      pump();
    });
    inFlight.set(delivery.deliveryId, running);
    return running;
  }

  /** Starts every due delivery whose target is free, and sets the timer for the next one. */
  function pump(): void {
    if (stopped) return;
    for (const delivery of deps.webhooks.due(now())) {
      if (!busy.has(delivery.webhookId)) start(delivery);
    }
    if (timer) clearTimeout(timer);
    timer = null;
    const next = deps.webhooks.nextDueAt();
    if (next !== null) {
      timer = setTimeout(pump, Math.max(next - now(), 10));
      timer.unref();
    }
  }

  return {
    /** Something was queued: look at the queue soon, never now (the caller may be a commit). */
    kick(): void {
      if (!stopped) setImmediate(pump);
    },
    /** Sends one queued delivery now and resolves with its row after the attempt ("send a test"). */
    async sendNow(deliveryId: number): Promise<StoredDelivery | undefined> {
      const running = inFlight.get(deliveryId);
      if (running) return running;
      const delivery = deps.webhooks.delivery(deliveryId);
      if (!delivery || delivery.status !== 'pending' || busy.has(delivery.webhookId) || stopped) {
        setImmediate(pump);
        return delivery;
      }
      return start(delivery);
    },
    /** Resumes what was pending before a restart. */
    start: () => setImmediate(pump),
    /** Stops sending: requests in flight are aborted and stay pending for the next start. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      stopping.abort();
      await Promise.allSettled([...inFlight.values()]);
    },
    retry,
  };
}
export type WebhookSender = ReturnType<typeof createWebhookSender>;
