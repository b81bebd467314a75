import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { requestLang } from '../i18n/lang';
import { msg } from '../i18n/messages';

// Client routes of SPEC.md §12: a shared link or a reload gets the app, which then routes itself.
const CLIENT_ROUTES = [
  /^\/$/,
  /^\/industries\/?$/,
  /^\/units\/[^/]+\/?$/,
  /^\/uploads\/?$/,
  /^\/subsidies\/?$/,
  /^\/awards\/?$/,
  /^\/awards\/print\/?$/,
  /^\/screen\/?$/,
  /^\/login\/?$/,
  /^\/admin\/?$/,
  /^\/scenarios\/?$/,
  /^\/display\/[^/]+\/?$/, // a wall screen's display link (SPEC §16)
];

export const isClientRoute = (path: string) => CLIENT_ROUTES.some((r) => r.test(path));

async function staticPlugin(app: FastifyInstance, options: { clientDist: string }) {
  const hasClient = existsSync(join(options.clientDist, 'index.html'));
  if (hasClient) {
    await app.register(fastifyStatic, {
      root: options.clientDist,
      wildcard: false,
      setHeaders(reply, path) {
        // Vite puts a content hash in asset names; index.html must be re-read to find new ones.
        reply.header('cache-control', path.includes(`${join('/', 'assets')}/`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  } else {
    app.log.warn({ clientDist: options.clientDist }, 'client/dist not built: serving the API only');
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (!path.startsWith('/api/') && hasClient && (request.method === 'GET' || request.method === 'HEAD') && isClientRoute(path)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send({ code: 'not_found', message: msg('not_found', { method: request.method, path })[requestLang(request)] });
  });
}

export default fp(staticPlugin, { name: 'static' });
