import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../httpError';
import { msg } from '../i18n/messages';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// "example.org:80" and "example.org" are one host: browsers leave the default port out of Origin,
// while a Host header may carry it.
const withoutDefaultPort = (host: string) => host.toLowerCase().replace(/:(80|443)$/, '');

/** The host[:port] a header URL names, or null when it names none ("null", garbage). */
function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? withoutDefaultPort(parsed.host) : null;
  } catch {
    return null;
  }
}

/**
 * Whether a write may proceed: the browser says where it comes from in Origin (or, failing that,
 * Referer), and it must be this very host. Scripts of other city systems send neither and are let
 * through — they hold no victim's cookie, so there is nothing to forge. `Origin: null` (sandboxed
 * frames, some redirects) is refused: it is a browser that will not say where it comes from.
 */
export function isSameSiteWrite(request: Pick<FastifyRequest, 'headers' | 'host'>): boolean {
  const origin = request.headers.origin;
  const referer = request.headers.referer;
  const claimed = origin !== undefined ? origin : referer;
  if (claimed === undefined) return true;
  const from = hostOf(claimed);
  // request.host is the Host header, or X-Forwarded-Host when TRUST_PROXY names the proxy.
  // (Typed as a string, but absent when an HTTP/1.0 client sends no Host.)
  const host = typeof request.host === 'string' ? withoutDefaultPort(request.host) : '';
  return from !== null && from === host;
}

/**
 * Refuses cross-site writes (issue 6) before authentication, with 403 cross_site_request. The
 * session cookie is SameSite=Lax already; this also covers browsers and same-site subdomains where
 * Lax alone would let a form post through.
 */
async function crossSitePlugin(app: FastifyInstance) {
  app.addHook('onRequest', async (request) => {
    if (!WRITES.has(request.method) || isSameSiteWrite(request)) return;
    throw new HttpError(403, 'cross_site_request', msg('cross_site_request'));
  });
}

export default fp(crossSitePlugin, { name: 'cross-site' });
