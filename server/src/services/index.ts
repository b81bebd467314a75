import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from '../repositories/audit';
import { createBatchesRepository } from '../repositories/batches';
import { createLoginFailuresRepository } from '../repositories/loginFailures';
import { createPolicyStateRepository } from '../repositories/policyState';
import { createRankingHistoryRepository } from '../repositories/rankingHistory';
import { createSessionsRepository } from '../repositories/sessions';
import { createUsersRepository } from '../repositories/users';
import { createAwardsService } from './awards';
import { createBackupScheduler, type BackupSettings } from './backups';
import { createChangeRecorder } from './changes';
import { createDisqualificationsService } from './disqualifications';
import { createFiguresReader } from './figures';
import { createIndustriesService } from './industries';
import { createLoginThrottle } from './loginThrottle';
import { createRankingService } from './ranking';
import { createSessionsService } from './sessions';
import { createSubsidiesService } from './subsidies';
import { createUploadsService } from './uploads';
import { createUsersService } from './users';

/** Wires repositories into services once per app; routes reach them through app.services. */
export function createServices(
  app: Pick<FastifyInstance, 'db' | 'policies' | 'events' | 'log'>,
  options: { now?: () => number; backups?: BackupSettings | null } = {},
) {
  const { db, policies, events } = app;
  const users = createUsersRepository(db);
  const sessions = createSessionsRepository(db);
  const audit = createAuditRepository(db);
  const batches = createBatchesRepository(db);
  const policyState = createPolicyStateRepository(db);
  const record = createChangeRecorder({ db, policyState, audit, events });
  const figures = createFiguresReader(batches);
  const ranking = createRankingService({ policies, figures, policyState, batches, history: createRankingHistoryRepository(db) });
  const subsidies = createSubsidiesService({ policies, figures, policyState, ranking });
  return {
    audit,
    batches,
    policyState,
    sessions: createSessionsService({ sessions, users, audit, now: options.now }),
    loginThrottle: createLoginThrottle({ now: options.now, store: createLoginFailuresRepository(db) }),
    users: createUsersService({ db, users, sessions, audit }),
    ranking,
    industries: createIndustriesService({ policies, figures, policyState }),
    subsidies,
    awards: createAwardsService({ policies, policyState, subsidies, record }),
    disqualifications: createDisqualificationsService({ policies, policyState, record }),
    uploads: createUploadsService({ policies, batches, record }),
    backups: createBackupScheduler({ db, settings: options.backups ?? null, log: app.log }),
  };
}
export type Services = ReturnType<typeof createServices>;

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
