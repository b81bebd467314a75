import type { FastifyInstance } from 'fastify';
import { createAuditRepository } from '../repositories/audit';
import { createBatchesRepository } from '../repositories/batches';
import { createDisplayLinksRepository } from '../repositories/displayLinks';
import { createPolicyStateRepository } from '../repositories/policyState';
import { createRankingHistoryRepository } from '../repositories/rankingHistory';
import { createSessionsRepository } from '../repositories/sessions';
import { createUsersRepository } from '../repositories/users';
import { createAwardsService } from './awards';
import { createChangeRecorder } from './changes';
import { createDisplayLinksService } from './displayLinks';
import { createDisqualificationsService } from './disqualifications';
import { createFiguresReader } from './figures';
import { createIndustriesService } from './industries';
import { createLoginThrottle } from './loginThrottle';
import { createPoliciesService } from './policies';
import { createRankMovement } from './rankMovement';
import { createRankingService } from './ranking';
import { createSessionsService } from './sessions';
import { createSubsidiesService } from './subsidies';
import { createUploadsService } from './uploads';
import { createUsersService } from './users';

/** Wires repositories into services once per app; routes reach them through app.services. */
export function createServices(
  app: Pick<FastifyInstance, 'db' | 'policies' | 'events'>,
  options: { now?: () => number; sessionLimits?: { idleMs?: number; absoluteMs?: number } } = {},
) {
  const { db, policies, events } = app;
  const users = createUsersRepository(db);
  const sessions = createSessionsRepository(db);
  const audit = createAuditRepository(db);
  const batches = createBatchesRepository(db);
  const policyState = createPolicyStateRepository(db);
  const figures = createFiguresReader(batches);
  const movement = createRankMovement({ policies, figures, policyState, history: createRankingHistoryRepository(db) });
  const record = createChangeRecorder({ db, policyState, audit, events, movement });
  const ranking = createRankingService({ policies, figures, policyState, batches, movement });
  const subsidies = createSubsidiesService({ policies, figures, policyState, ranking });
  return {
    audit,
    batches,
    policyState,
    sessions: createSessionsService({ sessions, users, audit, now: options.now, limits: options.sessionLimits }),
    loginThrottle: createLoginThrottle({ now: options.now }),
    users: createUsersService({ db, users, sessions, audit }),
    ranking,
    policies: createPoliciesService({ policies, policyState, now: options.now }),
    industries: createIndustriesService({ policies, figures, policyState }),
    subsidies,
    awards: createAwardsService({ policies, policyState, subsidies, record }),
    disqualifications: createDisqualificationsService({ policies, policyState, record }),
    uploads: createUploadsService({ policies, batches, record }),
    displayLinks: createDisplayLinksService({ db, links: createDisplayLinksRepository(db), audit, policies, events, now: options.now }),
  };
}
export type Services = ReturnType<typeof createServices>;

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
