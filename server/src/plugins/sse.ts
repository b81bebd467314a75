import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { ChangeEvent } from '@scoreboard/shared';

declare module 'fastify' {
  interface FastifyInstance {
    events: EventBroadcaster;
  }
}

/** Who holds a stream: a person's session, or a meeting room's display link (SPEC §16). */
export type StreamOwner = { kind: 'session'; sessionId: string } | { kind: 'display'; linkId: number };

export interface AttachOptions {
  /** only this policy's changes (a display link sees its own policy alone); all when absent */
  policyId?: string;
  owner?: StreamOwner;
}

export interface EventBroadcaster {
  /** Takes over a hijacked response as an event stream until the client goes away. */
  attach(response: ServerResponse, options?: AttachOptions): void;
  broadcast(event: ChangeEvent): void;
  /**
   * Ends the streams whose owner matches, telling them why first (`event: session-ended`,
   * `event: revoked`), so the page shows the truth at once instead of reconnecting. Returns how
   * many ended.
   */
  end(matches: (owner: StreamOwner) => boolean, reason: { event: string; data?: unknown }): number;
  /** The owners of the open streams (one entry per stream). */
  owners(): StreamOwner[];
  readonly size: number;
  closeAll(): void;
}

const HEARTBEAT_MS = 15_000;

/**
 * One in-process broadcaster (SPEC.md §9): a Set of open responses and a single shared heartbeat
 * timer, so a thousand wall screens cost a thousand sockets and nothing else.
 */
export function createEventBroadcaster(heartbeatMs = HEARTBEAT_MS): EventBroadcaster {
  const clients = new Map<ServerResponse, AttachOptions>();
  let heartbeat: NodeJS.Timeout | null = null;

  const write = (chunk: string, policyId?: string) => {
    for (const [res, options] of clients) {
      if (res.writableEnded || res.destroyed) clients.delete(res);
      else if (policyId === undefined || options.policyId === undefined || options.policyId === policyId) res.write(chunk);
    }
  };
  const startHeartbeat = () => {
    if (heartbeat) return;
    // A comment line keeps proxies from closing an idle stream.
    heartbeat = setInterval(() => write(`: heartbeat ${new Date().toISOString()}\n\n`), heartbeatMs);
    heartbeat.unref();
  };
  const stopHeartbeatIfIdle = () => {
    if (clients.size === 0 && heartbeat) {
      clearInterval(heartbeat);
      heartbeat = null;
    }
  };

  return {
    attach(res, options = {}) {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'close', // a stream is never reused; ending it closes the socket
        'x-accel-buffering': 'no', // nginx: do not buffer the stream
      });
      // retry: how long a browser waits before reconnecting after a drop
      res.write('retry: 3000\n: connected\n\n');
      clients.set(res, options);
      startHeartbeat();
      res.on('close', () => {
        clients.delete(res);
        stopHeartbeatIfIdle();
        // A client that goes away may only half-close its side; free the socket, or server.close()
        // would wait for it.
        res.destroy();
      });
    },
    broadcast(event) {
      write(`event: change\ndata: ${JSON.stringify(event)}\n\n`, event.policyId);
    },
    end(matches, reason) {
      let ended = 0;
      for (const [res, options] of clients) {
        if (!options.owner || !matches(options.owner)) continue;
        clients.delete(res);
        ended += 1;
        if (!res.writableEnded && !res.destroyed) res.end(`event: ${reason.event}\ndata: ${JSON.stringify(reason.data ?? {})}\n\n`);
      }
      stopHeartbeatIfIdle();
      return ended;
    },
    owners() {
      return [...clients.values()].flatMap((o) => (o.owner ? [o.owner] : []));
    },
    get size() {
      return clients.size;
    },
    closeAll() {
      for (const res of clients.keys()) res.end();
      clients.clear();
      stopHeartbeatIfIdle();
    },
  };
}

async function ssePlugin(app: FastifyInstance) {
  const events = createEventBroadcaster();
  app.decorate('events', events);
  // preClose: end the streams first, or server.close() would wait for them for ever.
  app.addHook('preClose', async () => events.closeAll());
}

export default fp(ssePlugin, { name: 'sse' });
