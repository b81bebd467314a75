import helmet from 'helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The page's Content-Security-Policy (issue 6). Scripts only from our own origin and never inline —
 * an enterprise name like `<img onerror=…>` that slipped into the page still could not run. Styles
 * may be inline because echarts and the print view set style attributes. frame-ancestors 'none':
 * nobody may frame the board (clickjacking a 定稿 button).
 *
 * No `upgrade-insecure-requests`: the board is often served over plain http on an intranet address,
 * where that directive would send every asset request to an https port that does not exist.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/** The swagger-ui pages bring their own CSP (with hashes of its scripts); frame them nowhere either. */
export function hardenDocsCsp(header: string): string {
  return header
    .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
    .replace(/\s*upgrade-insecure-requests;?/, '')
    .trim();
}

async function securityHeadersPlugin(app: FastifyInstance) {
  // helmet itself, built once: @fastify/helmet rebuilds the middleware (re-parsing every CSP
  // directive) on every request, a measurable share of a cached ranking's cost under load.
  const applyHeaders = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    frameguard: { action: 'deny' }, // X-Frame-Options for browsers that predate frame-ancestors
    // Same-origin requests keep their Referer (the cross-site check may use it); other sites get none.
    referrerPolicy: { policy: 'same-origin' },
    // helmet also sends X-Content-Type-Options: nosniff, Cross-Origin-Opener/Resource-Policy and HSTS
    // (which browsers honour over https only).
  });
  app.addHook('onRequest', (request, reply, done) => {
    applyHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
  });

  // API answers carry figures and personal data: no browser or proxy cache keeps them. Routes that
  // set their own Cache-Control (static assets, the event stream) keep theirs.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

export default fp(securityHeadersPlugin, { name: 'security-headers' });
