import type { FastifyInstance } from 'fastify';
import { createAdoptedPoliciesRepository } from '../repositories/adoptedPolicies';
import { createAuditRepository } from '../repositories/audit';
import { createBatchesRepository } from '../repositories/batches';
import { createPolicyStateRepository } from '../repositories/policyState';
import { createRankingHistoryRepository } from '../repositories/rankingHistory';
import { createScenariosRepository } from '../repositories/scenarios';
import { createSessionsRepository } from '../repositories/sessions';
import { createUsersRepository } from '../repositories/users';
import { createAdoptionService } from './adoption';
import { createAwardsService } from './awards';
import { createChangeRecorder } from './changes';
import { createDisqualificationsService } from './disqualifications';
import { createFiguresReader } from './figures';
import { createIndustriesService } from './industries';
import { createLoginThrottle } from './loginThrottle';
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

/** Wires repositories into services once per app; routes reach them through app.services. */
export function createServices(app: Pick<FastifyInstance, 'db' | 'policies' | 'events'>, options: { now?: () => number } = {}) {
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
  const scenarios = createScenariosService({ policies, figures, policyState, ranking, subsidies });
  const savedScenarios = createSavedScenariosService({ db, policies, store: createScenariosRepository(db), audit, scenarios });
  const policiesService = createPoliciesService({ policies, policyState, now: options.now });
  return {
    audit,
    batches,
    policyState,
    sessions: createSessionsService({ sessions, users, audit, now: options.now }),
    loginThrottle: createLoginThrottle({ now: options.now }),
    users: createUsersService({ db, users, sessions, audit }),
    ranking,
    policies: policiesService,
    industries: createIndustriesService({ policies, figures, policyState }),
    subsidies,
    awards: createAwardsService({ policies, policyState, subsidies, record }),
    disqualifications: createDisqualificationsService({ policies, policyState, record }),
    uploads: createUploadsService({ policies, batches, record }),
    scenarios,
    savedScenarios,
    stability: createStabilityService({ policies, policyState, ranking, scenarios, saved: savedScenarios }),
    adoption: createAdoptionService({
      policies, store: createAdoptedPoliciesRepository(db), saved: savedScenarios, batches, policyState, subsidies, summaries: policiesService, record,
    }),
  };
}
export type Services = ReturnType<typeof createServices>;

declare module 'fastify' {
  interface FastifyInstance {
    services: Services;
  }
}
