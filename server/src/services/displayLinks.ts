import { createHash, randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DisplayLink, DisplaySession } from '@scoreboard/shared';
import { conflict, notFound } from '../httpError';
import { msg } from '../i18n/messages';
import type { PolicyCatalog } from '../plugins/policies';
import type { EventBroadcaster } from '../plugins/sse';
import type { AuditRepository } from '../repositories/audit';
import type { DisplayLinkRow, DisplayLinksRepository } from '../repositories/displayLinks';

// A wall screen that is up makes a request or holds a stream all day: its last-seen time is written
// at most this often, so an open screen costs one small write a minute, not one per request.
const SEEN_EVERY_MS = 60 * 1000;

const sha256 = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export type DisplayResolution = { status: 'active'; display: DisplaySession } | { status: 'revoked' } | null;

/**
 * Display links (SPEC §16): an admin makes one for a meeting room's wall screen — one policy,
 * read-only, the wall screen only, free of the session limits (a link has no expiry), revocable,
 * audited. The token is 256 random bits, shown once; only its sha-256 is stored, so a copy of the
 * database opens no screen.
 *
 * "Reads never write" holds for the figures; the one write a read makes here is the link's
 * last-seen time, which the admin asked to see on /admin — kept in this service, throttled to
 * once a minute per link.
 */
export function createDisplayLinksService(deps: {
  db: Database;
  links: DisplayLinksRepository;
  audit: Pick<AuditRepository, 'append'>;
  policies: Pick<PolicyCatalog, 'get'>;
  events: Pick<EventBroadcaster, 'end' | 'owners'>;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const lastWritten = new Map<number, number>();

  function present(row: DisplayLinkRow): DisplayLink {
    const connected = deps.events.owners().filter((o) => o.kind === 'display' && o.linkId === row.link_id).length;
    return {
      linkId: row.link_id,
      policyId: row.policy_id,
      label: row.label,
      createdBy: row.created_by,
      createdAt: row.created_at,
      revokedAt: row.revoked_at,
      revokedBy: row.revoked_by,
      lastSeenAt: row.last_seen_at,
      connected,
    };
  }

  function create(actor: string, input: { policyId: string; label: string }): { link: DisplayLink; token: string; path: string } {
    deps.policies.get(input.policyId); // 404 for a policy that does not exist
    const token = randomBytes(32).toString('base64url');
    const at = new Date(now()).toISOString();
    const linkId = deps.db.transaction(() => {
      const id = deps.links.insert({ token_sha256: sha256(token), policy_id: input.policyId, label: input.label, created_by: actor, created_at: at });
      deps.audit.append({ actor, action: 'display.create', target: `display:${id}`, after: { policyId: input.policyId, label: input.label } });
      return id;
    })();
    return { link: present(deps.links.find(linkId)!), token, path: `/display/${token}` };
  }

  function revoke(actor: string, linkId: number): DisplayLink {
    const row = deps.links.find(linkId);
    if (!row) throw notFound('display_link_not_found', msg('display_link_not_found', { linkId }));
    if (row.revoked_at) throw conflict('display_link_revoked', msg('display_link_revoked', { linkId }));
    deps.db.transaction(() => {
      deps.links.revoke(linkId, new Date(now()).toISOString(), actor);
      deps.audit.append({ actor, action: 'display.revoke', target: `display:${linkId}`, before: { policyId: row.policy_id, label: row.label } });
    })();
    // At once: its streams are told and closed; its next request is refused (resolve below).
    deps.events.end((o) => o.kind === 'display' && o.linkId === linkId, { event: 'revoked' });
    return present(deps.links.find(linkId)!);
  }

  /** The last-seen time, written at most once a minute per link. */
  function seen(linkId: number): void {
    const t = now();
    if (t - (lastWritten.get(linkId) ?? 0) < SEEN_EVERY_MS) return;
    lastWritten.set(linkId, t);
    deps.links.seen(linkId, new Date(t).toISOString());
  }

  /** The display a token opens; 'revoked' for a revoked link, null for an unknown token. */
  function resolve(token: string | undefined): DisplayResolution {
    if (!token) return null;
    const row = deps.links.findByHash(sha256(token));
    if (!row) return null;
    if (row.revoked_at) return { status: 'revoked' };
    seen(row.link_id);
    return { status: 'active', display: { linkId: row.link_id, policyId: row.policy_id, label: row.label } };
  }

  /** Whether a link still opens its screen (the stream guard asks, for streams opened before a revoke). */
  const isActive = (linkId: number) => {
    const row = deps.links.find(linkId);
    return row !== undefined && row.revoked_at === null;
  };

  return { create, list: () => deps.links.list().map(present), revoke, resolve, seen, isActive };
}
export type DisplayLinksService = ReturnType<typeof createDisplayLinksService>;
