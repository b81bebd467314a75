import type { FastifyInstance } from 'fastify';
import { createAdoptedPoliciesRepository } from '../repositories/adoptedPolicies';
import { createAuditRepository } from '../repositories/audit';
import { createBatchesRepository } from '../repositories/batches';
import { createLoginFailuresRepository } from '../repositories/loginFailures';
import { createDisplayLinksRepository } from '../repositories/displayLinks';
import { createPolicyStateRepository } from '../repositories/policyState';
import { createRankingHistoryRepository } from '../repositories/rankingHistory';
import { createScenariosRepository } from '../repositories/scenarios';
import { createSessionsRepository } from '../repositories/sessions';
import { createUsersRepository } from '../repositories/users';
import { createWebhooksRepository } from '../repositories/webhooks';
import { createAdoptionService } from './adoption';
import { createAwardsService } from './awards';
import { createBackupScheduler, type BackupSettings } from './backups';
import { createChangeRecorder } from './changes';
import { createDisplayLinksService } from './displayLinks';
import { createDisqualificationsService } from './disqualifications';
import { createFiguresReader } from './figures';
import { createIndustriesService } from './industries';
import { createLoginThrottle } from './loginThrottle';
import { createOutlookService } from './outlook';
import { createPoliciesService } from './policies';
import { createRankMovement } from './rankMovement';
import { createRankingService } from './ranking';
import { createSavedScenariosService } from './savedScenarios';
import { createScenariosService } from './scenarios';
import { createSessionsService } from './sessions';
import { createStabilityService } from './stability';
import { createSubsidiesService } from './subsidies';
import { createUploadsService } from './uploads';
import { createUsersService } from './users';
import { createNotifier, type Notifier } from './webhooks/notifier';
import { createWebhookSender, type RetryPolicy } from './webhooks/sender';
import { createWebhooksService } from './webhooks/service';

/** Wires repositories into services once per app; routes reach them through app.services. */
export function createServices(
  app: Pick<FastifyInstance, 'db' | 'policies' | 'events' | 'log'>,
  options: {
    now?: () => number;
    backups?: BackupSettings | null;
    publicUrl?: string | null;
    webhookRetry?: Partial<RetryPolicy>;
    sessionLimits?: { idleMs?: number; absoluteMs?: number };
  } = {},
) {
  const { db, policies, events } = app;
  const users = createUsersRepository(db);
  const sessions = createSessionsRepository(db);
  const audit = createAuditRepository(db);
  const batches = createBatchesRepository(db);
  const policyState = createPolicyStateRepository(db);
  const webhooks = createWebhooksRepository(db);
  const sender = createWebhookSender({ webhooks, log: app.log, retry: options.webhookRetry, now: options.now });
  let notifier: Notifier | null = null; // made below, once the ranking it reads exists
  const figures = createFiguresReader(batches);
  const movement = createRankMovement({ policies, figures, policyState, history: createRankingHistoryRepository(db) });
  const record = createChangeRecorder({ db, policyState, audit, events, movement, notify: (change) => notifier?.changed(change) });
  const ranking = createRankingService({ policies, figures, policyState, batches, movement });
  const subsidies = createSubsidiesService({ policies, figures, policyState, ranking, databasePath: db.memory ? null : db.name });
  const awards = createAwardsService({ policies, policyState, subsidies, figures, record });
  const policiesService = createPoliciesService({ policies, policyState, now: options.now });
  const publicUrl = options.publicUrl ?? null;
  notifier = createNotifier({ webhooks, sender, policies, ranking, awards, policyState, publicUrl, log: app.log, now: options.now });
  const scenarios = createScenariosService({ policies, figures, policyState, ranking, subsidies });
  const savedScenarios = createSavedScenariosService({ db, policies, store: createScenariosRepository(db), audit, scenarios });
  return {
    audit,
    batches,
    policyState,
    sessions: createSessionsService({ sessions, users, audit, now: options.now, limits: options.sessionLimits }),
    loginThrottle: createLoginThrottle({ now: options.now, store: createLoginFailuresRepository(db) }),
    users: createUsersService({ db, users, sessions, audit }),
    ranking,
    policies: policiesService,
    industries: createIndustriesService({ policies, figures, policyState }),
    subsidies,
    outlook: createOutlookService({ policies, ranking, policyState }),
    awards,
    disqualifications: createDisqualificationsService({ policies, policyState, record }),
    uploads: createUploadsService({ policies, batches, record, onRefused: (refusal) => notifier?.uploadRefused(refusal) }),
    backups: createBackupScheduler({ db, settings: options.backups ?? null, log: app.log }),
    notifier,
    webhookSender: sender,
    webhooks: createWebhooksService({ webhooks, sender, audit, policies, ranking, defaultPolicyId: policiesService.defaultPolicyId, publicUrl, now: options.now }),
    scenarios,
    savedScenarios,
    stability: createStabilityService({ policies, policyState, ranking, scenarios, saved: savedScenarios }),
    adoption: createAdoptionService({
      policies, store: createAdoptedPoliciesRepository(db), saved: savedScenarios, batches, policyState, subsidies, summaries: policiesService, record,
    }),
    displayLinks: createDisplayLinksService({ db, links: createDisplayLinksRepository(db), audit, policies, events, now: options.now }),
  };
}
export type Services = ReturnType<typeof createServices>;

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
