import { fileURLToPath } from 'node:url';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_UPLOAD_BYTES } from './ingest';
import { OneRecordPerRequest } from './logging';
import authPlugin from './plugins/auth';
import crossSitePlugin from './plugins/crossSite';
import dbPlugin from './plugins/db';
import errorsPlugin, { frameworkErrors } from './plugins/errors';
import policiesPlugin from './plugins/policies';
import securityHeadersPlugin, { hardenDocsCsp } from './plugins/securityHeaders';
import ssePlugin from './plugins/sse';
import staticPlugin from './plugins/static';
import auditRoutes from './routes/audit';
import awardRoutes from './routes/awards';
import backupRoutes from './routes/backups';
import webhookRoutes from './routes/webhooks';
import displayLinkRoutes from './routes/displayLinks';
import eventRoutes from './routes/events';
import healthRoutes from './routes/health';
import outlookRoutes from './routes/outlook';
import policyRoutes from './routes/policies';
import scenarioRoutes from './routes/scenarios';
import sessionRoutes from './routes/session';
import templateRoutes from './routes/templates';
import uploadRoutes from './routes/uploads';
import userRoutes from './routes/users';
import type { BackupSettings } from './services/backups';
import type { RetryPolicy } from './services/webhooks/sender';
import { seedDemoData } from './services/demo';
import { createServices } from './services';
import { startStreamGuard } from './services/streamGuard';

export interface AppOptions {
  databasePath: string;
  /** policies/, registries/, demo/ — the repository's data/ by default */
  dataDir?: string;
  /** on an empty database, commit data/demo/<policyId>/*.csv as batches by "system" */
  demoData?: boolean;
  /** creates `admin` when no user exists; without it a random password is printed once */
  adminPassword?: string;
  /** NODE_ENV=production: never create the demo users */
  production?: boolean;
  logger?: FastifyServerOptions['logger'];
  clientDist?: string;
  /** the clock for session expiry; tests move it */
  now?: () => number;
  /** shorter session limits for tests (SESSION_IDLE_MS / SESSION_MAX_MS); 2 h idle, 12 h absolute by default */
  sessionLimits?: { idleMs?: number; absoluteMs?: number };
  /** where a generated admin password goes; stdout by default */
  announcePassword?: (password: string) => void;
  /** Fastify's trustProxy: which proxies' X-Forwarded-* headers count (TRUST_PROXY, see config.ts) */
  trustProxy?: boolean | number | string;
  /** scheduled backups (BACKUP_DIR, BACKUP_EVERY, BACKUP_KEEP); off when absent */
  backups?: BackupSettings | null;
  /** PUBLIC_URL: the dashboard's address, for links in notifications */
  publicUrl?: string | null;
  /** webhook retries; tests shorten the delays */
  webhookRetry?: Partial<RetryPolicy>;
}

/** A hop count n trusts the n closest proxies (Fastify's types take it as a function). */
function trustProxySetting(setting: AppOptions['trustProxy']): boolean | string | ((address: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting ?? false;
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Plugins, then routes; never listens (server.ts does). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const dataDir = options.dataDir ?? `${REPO_ROOT}data`;
  const app = Fastify({
    logger: options.logger ?? false,
    // 1 MiB of JSON is far more than any request body here; uploads go through multipart.
    bodyLimit: 1024 * 1024,
    // Paths are used exactly as SPEC.md §11 writes them; trailing slashes are not.
    routerOptions: { ignoreTrailingSlash: false },
    trustProxy: trustProxySetting(options.trustProxy),
    frameworkErrors,
    logController: new OneRecordPerRequest(),
  }).withTypeProvider<ZodTypeProvider>();

  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(crossSitePlugin);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 20 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '工业稳增长考核看板 API', description: 'API v1 — SPEC.md §11', version: '1.0.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'sid' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true, transformStaticCSP: hardenDocsCsp });
  await app.register(dbPlugin, { databasePath: options.databasePath });
  await app.register(policiesPlugin, { dataDir });
  await app.register(ssePlugin);

  const services = createServices(app, {
    now: options.now, backups: options.backups, publicUrl: options.publicUrl, webhookRetry: options.webhookRetry, sessionLimits: options.sessionLimits,
  });
  app.decorate('services', services);
  // before the database closes (onClose): a backup or a webhook request in progress ends first
  app.addHook('preClose', async () => {
    services.notifier.stop();
    await Promise.all([services.backups.stop(), services.webhookSender.stop()]);
  });
  await app.register(authPlugin, { sessions: services.sessions, displays: services.displayLinks });
  const guard = startStreamGuard({ events: app.events, sessions: services.sessions, displays: services.displayLinks });
  app.addHook('onClose', async () => guard.stop());

  for (const routes of [
    healthRoutes, sessionRoutes, policyRoutes, outlookRoutes, scenarioRoutes, awardRoutes, uploadRoutes, templateRoutes,
    eventRoutes, auditRoutes, userRoutes, backupRoutes, webhookRoutes, displayLinkRoutes,
  ]) {
    await app.register(routes);
  }
  await app.register(staticPlugin, { clientDist: options.clientDist ?? `${REPO_ROOT}client/dist` });

  await app.ready();
  const { generatedPassword } = await services.users.bootstrap({
    adminPassword: options.adminPassword,
    demoUsers: Boolean(options.demoData) && !options.production,
  });
  if (generatedPassword) {
    const announce = options.announcePassword ?? ((p: string) => process.stdout.write(`\n首次启动：已创建管理员账号 admin，密码（仅显示这一次）：${p}\n\n`));
    announce(generatedPassword);
  }
  if (options.demoData && services.batches.count() === 0) {
    await seedDemoData({ dataDir, policies: app.policies, uploads: services.uploads, log: app.log });
  }
  services.sessions.purgeExpired();
  services.backups.start();
  services.notifier.start();
  services.webhookSender.start();
  return app;
}
