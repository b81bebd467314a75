import { z } from 'zod';
import type { UploadError, WebhookEvent, WebhookJsonPayload } from '@scoreboard/shared';
import type { PolicyCatalog } from '../../plugins/policies';
import type { AuditRecord } from '../../repositories/audit';
import type { PaidPlace, WebhooksRepository } from '../../repositories/webhooks';
import type { PolicyStateRepository } from '../../repositories/policyState';
import type { AwardsService } from '../awards';
import type { RankingService } from '../ranking';
import { UPLOAD_KIND_NAMES, type TopPlace } from './messages';
import type { WebhookSender } from './sender';

/**
 * Turns changes into notifications (SPEC.md §18). changes.ts calls `changed` right after a commit;
 * this only queues it and returns, and the work — the ranking, the messages, the delivery rows — is
 * done later on the event loop (setImmediate), after the response has gone out. Nothing here may
 * throw into a commit: a failure is logged and the commit stands.
 *
 * `awards.changed` means a paid place or amount changed: the live ranking's paid rows (unitId,
 * rank, award where award > 0) are compared with those last announced for the policy, kept in the
 * database (announced_awards) so a restart does not announce them again.
 */
export interface RecordedChange {
  policyId: string;
  revision: number;
  kind: string;
  audit: AuditRecord;
}
export interface UploadRefusal {
  policyId: string;
  kind: string;
  fileName: string;
  actor: string;
  errors: readonly UploadError[];
}
type Queued = { type: 'change'; change: RecordedChange } | { type: 'refused'; refusal: UploadRefusal };

const ACTION_NAMES: Record<string, string> = {
  'upload.commit': '上传数据',
  'upload.revert': '撤销上传批次',
  'unit.disqualify': '一票否决',
  'unit.requalify': '撤销一票否决',
  'budget.set': '修改预算总额',
  'awards.finalize': '定稿',
};
const committedBatch = z.object({
  kind: z.string(),
  fileName: z.string(),
  rows: z.number(),
  summary: z.object({ added: z.number(), changed: z.number(), unchanged: z.number() }),
});

const placeText = (rank: number, award: number) => `第 ${rank} 名 ${award} 万元`;

/** What changed among the paid places, one line per unit, in Chinese. */
export function describePaidChanges(before: readonly PaidPlace[], after: readonly PaidPlace[], nameOf: (unitId: string) => string): string[] {
  const was = new Map(before.map(([unitId, rank, award]) => [unitId, { rank, award }]));
  const now = new Map(after.map(([unitId, rank, award]) => [unitId, { rank, award }]));
  const lines: string[] = [];
  for (const [unitId, rank, award] of after) {
    const old = was.get(unitId);
    if (!old) lines.push(`${nameOf(unitId)} 进入奖励名次：${placeText(rank, award)}`);
    else if (old.rank !== rank || old.award !== award) lines.push(`${nameOf(unitId)}：${placeText(old.rank, old.award)} → ${placeText(rank, award)}`);
  }
  for (const [unitId, rank, award] of before) {
    if (!now.has(unitId)) lines.push(`${nameOf(unitId)} 退出奖励名次（原${placeText(rank, award)}）`);
  }
  return lines;
}

export interface NotifierLog {
  error(obj: object, msg: string): void;
}

export function createNotifier(deps: {
  webhooks: WebhooksRepository;
  sender: Pick<WebhookSender, 'kick'>;
  policies: PolicyCatalog;
  ranking: Pick<RankingService, 'ranking'>;
  awards: Pick<AwardsService, 'awards'>;
  policyState: Pick<PolicyStateRepository, 'finalization'>;
  publicUrl: string | null;
  log: NotifierLog;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const queue: Queued[] = [];
  let scheduled = false;
  let stopped = false;
  let idleWaiters: Array<() => void> = [];

  const link = (path: string, policyId: string) => (deps.publicUrl ? `${deps.publicUrl}${path}?policy=${encodeURIComponent(policyId)}` : null);

  function liveTable(policyId: string) {
    const ranking = deps.ranking.ranking(policyId);
    const names = new Map(ranking.rows.map((r) => [r.unitId, r.unitName]));
    const paidRows = ranking.rows.filter((r) => r.rank !== null && r.award > 0);
    const paid: PaidPlace[] = paidRows.map((r) => [r.unitId, r.rank!, r.award]);
    const top: TopPlace[] = paidRows.map((r) => ({ rank: r.rank!, unitId: r.unitId, unitName: r.unitName, score: r.score, award: r.award }));
    return { month: ranking.month, revision: ranking.revision, paid, top, nameOf: (unitId: string) => names.get(unitId) ?? unitId };
  }

  /** One message, to every target that chose its event; made only when there is one. */
  function send(event: WebhookEvent, make: () => Omit<WebhookJsonPayload, 'event' | 'at' | 'policyTitle'>): void {
    const targets = deps.webhooks.list().filter((w) => w.events.includes(event));
    if (targets.length === 0) return;
    const message = make();
    const at = now();
    const policyTitle = message.policyId ? deps.policies.get(message.policyId).policy.title : null;
    const payload: WebhookJsonPayload = { event, policyTitle, at: new Date(at).toISOString(), ...message };
    for (const target of targets) {
      deps.webhooks.enqueue({ webhookId: target.webhookId, event, policyId: payload.policyId, revision: payload.revision, summary: payload.summary, message: JSON.stringify(payload), at });
    }
    deps.sender.kick();
  }

  function uploadCommitted(change: RecordedChange): void {
    send('upload.committed', () => {
      const batch = committedBatch.safeParse(change.audit.after);
      const table = liveTable(change.policyId);
      const final = deps.policyState.finalization(change.policyId) !== undefined;
      const what = batch.success
        ? `${change.audit.actor} 上传「${batch.data.fileName}」（${UPLOAD_KIND_NAMES[batch.data.kind] ?? batch.data.kind}，${batch.data.rows} 行）：新增 ${batch.data.summary.added} 项，修改 ${batch.data.summary.changed} 项，未变 ${batch.data.summary.unchanged} 项`
        : `${change.audit.actor} 上传了 ${UPLOAD_KIND_NAMES[change.kind] ?? change.kind} 数据`;
      return {
        policyId: change.policyId,
        revision: change.revision,
        month: table.month,
        summary: final ? `${what}\n奖励表已定稿：本次上传不改变定稿结果（显示为“定稿后有修订”）` : what,
        top: table.top,
        link: link('/uploads', change.policyId),
      };
    });
  }

  function finalized(change: RecordedChange): void {
    send('awards.finalized', () => {
      const table = deps.awards.awards(change.policyId);
      const paid = table.county.filter((r) => r.rank !== null && r.award > 0);
      const total = paid.reduce((sum, r) => sum + r.award, 0);
      return {
        policyId: change.policyId,
        revision: change.revision,
        month: table.month,
        summary: `${change.audit.actor} 将奖励表定稿：县区奖励合计 ${total} 万元，此后上传的数据不改变定稿结果`,
        top: paid.map((r) => ({ rank: r.rank!, unitId: r.unitId, unitName: r.unitName, score: r.score, award: r.award })),
        link: link('/awards', change.policyId),
      };
    });
  }

  /** Compares the paid places with those last announced; announces a difference. */
  function checkAwards(policyId: string, causes: readonly RecordedChange[]): void {
    const table = liveTable(policyId);
    const announced = deps.webhooks.announced(policyId);
    deps.webhooks.announce(policyId, table.revision, table.paid);
    // A finalized table cannot change; a first look has nothing to compare with.
    if (!announced || deps.policyState.finalization(policyId)) return;
    const lines = describePaidChanges(announced.paid, table.paid, table.nameOf);
    if (lines.length === 0) return;
    const why = [...new Set(causes.map((c) => `${ACTION_NAMES[c.audit.action] ?? c.audit.action}（${c.audit.actor}）`))].join('、');
    send('awards.changed', () => ({
      policyId,
      revision: table.revision,
      month: table.month,
      summary: [...lines, `原因：${why}`].join('\n'),
      top: table.top,
      link: link('/awards', policyId),
    }));
  }

  function refused(refusal: UploadRefusal): void {
    const first = refusal.errors.slice(0, 3).map((e) => `${e.sheet}${e.row === null ? '' : ` 第 ${e.row} 行`}${e.column ? `「${e.column}」` : ''}：${e.message}`);
    const more = refusal.errors.length > first.length ? [`……共 ${refusal.errors.length} 处错误`] : [];
    send('upload.refused', () => ({
      policyId: refusal.policyId,
      revision: null,
      month: null,
      summary: [`${refusal.actor} 上传「${refusal.fileName}」（${UPLOAD_KIND_NAMES[refusal.kind] ?? refusal.kind}）被拒绝：${refusal.errors.length} 处错误，未导入任何数据`, ...first, ...more].join('\n'),
      top: [],
      link: link('/uploads', refusal.policyId),
    }));
  }

  function drain(): void {
    scheduled = false;
    const items = queue.splice(0);
    const touched = new Map<string, RecordedChange[]>();
    for (const item of items) {
      try {
        if (item.type === 'refused') {
          refused(item.refusal);
          continue;
        }
        const { change } = item;
        if (change.audit.action === 'upload.commit') uploadCommitted(change);
        if (change.kind === 'finalize') finalized(change);
        touched.set(change.policyId, [...(touched.get(change.policyId) ?? []), change]);
      } catch (err) {
        deps.log.error({ err, item: item.type }, 'notification not queued');
      }
    }
    for (const [policyId, causes] of touched) {
      try {
        checkAwards(policyId, causes);
      } catch (err) {
        deps.log.error({ err, policyId }, 'award change check failed');
      }
    }
    if (queue.length === 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  function enqueue(item: Queued): void {
    if (stopped) return;
    queue.push(item);
    if (!scheduled) {
      scheduled = true;
      setImmediate(drain);
    }
  }

  return {
    /** After a commit (changes.ts): queues, returns at once, never throws. */
    changed: (change: RecordedChange) => enqueue({ type: 'change', change }),
    /** An upload commit refused with 422 (services/uploads.ts). */
    uploadRefused: (refusal: UploadRefusal) => enqueue({ type: 'refused', refusal }),
    /** At start: remember the current paid places of policies never announced, without sending. */
    start(): void {
      setImmediate(() => {
        if (stopped) return;
        for (const { policy } of deps.policies.all()) {
          try {
            if (!deps.webhooks.announced(policy.policyId)) checkAwards(policy.policyId, []);
          } catch (err) {
            deps.log.error({ err, policyId: policy.policyId }, 'award change check failed');
          }
        }
      });
    },
    /** Resolves once everything queued so far has been turned into deliveries (tests, shutdown). */
    idle(): Promise<void> {
      if (queue.length === 0 && !scheduled) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    stop(): void {
      stopped = true;
    },
  };
}
export type Notifier = ReturnType<typeof createNotifier>;
