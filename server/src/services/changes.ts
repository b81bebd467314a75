import type { Database } from 'better-sqlite3';
import type { ChangeEvent } from '@scoreboard/shared';
import type { AuditRecord, AuditRepository } from '../repositories/audit';
import type { PolicyStateRepository } from '../repositories/policyState';
import type { EventBroadcaster } from '../plugins/sse';
import type { RankMovement } from './rankMovement';

/**
 * Every change to a policy's figures or state goes through here: the change, its audit row and the
 * revision bump are one transaction; the SSE event goes out only after it has committed, so a
 * dashboard that refetches on the event sees the new data.
 */
export function createChangeRecorder(deps: {
  db: Database;
  policyState: Pick<PolicyStateRepository, 'bump'>;
  audit: Pick<AuditRepository, 'append'>;
  events: Pick<EventBroadcaster, 'broadcast'>;
  /** Rank movement (services/rankMovement.ts): recorded inside the change that made it. */
  movement?: Pick<RankMovement, 'record'>;
  /** Told of each committed change, after the commit (webhooks, SPEC.md §18); must only queue. */
  notify?: (change: { policyId: string; revision: number; kind: ChangeEvent['kind']; audit: AuditRecord }) => void;
}) {
  return function record<T>(
    policyId: string,
    kind: ChangeEvent['kind'],
    change: () => { result: T; audit: AuditRecord },
  ): { result: T; revision: number } {
    const outcome = deps.db.transaction(() => {
      const { result, audit } = change();
      deps.audit.append(audit);
      const revision = deps.policyState.bump(policyId);
      deps.movement?.record(policyId, revision);
      return { result, audit, revision };
    })();
    deps.events.broadcast({ policyId, revision: outcome.revision, kind });
    deps.notify?.({ policyId, revision: outcome.revision, kind, audit: outcome.audit });
    return { result: outcome.result, revision: outcome.revision };
  };
}
export type ChangeRecorder = ReturnType<typeof createChangeRecorder>;
