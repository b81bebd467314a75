import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { loadPolicy, PolicyFileError, type LoadedPolicy } from '@scoreboard/shared';
import { conflict, HttpError } from '../httpError';
import { createAdoptedPoliciesRepository, type AdoptedPolicy } from '../repositories/adoptedPolicies';
import { msg } from '../i18n/messages';

declare module 'fastify' {
  interface FastifyInstance {
    policies: PolicyCatalog;
  }
}

export interface PolicyCatalog {
  all(): LoadedPolicy[];
  /** The policy, or a 404 HttpError naming the id. */
  get(policyId: string): LoadedPolicy;
  has(policyId: string): boolean;
  /** A policy adopted while the server runs (SPEC §14): every page sees it at once. 409 if the id is taken. */
  add(policy: LoadedPolicy): void;
  /** Undoes an `add` whose transaction failed. */
  remove(policyId: string): void;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new PolicyFileError(file, [`(file): ${err instanceof Error ? err.message : String(err)}`]);
  }
}

function registryFile(dataDir: string, registryId: string, source: string): string {
  if (!/^[\w-]+$/.test(registryId)) throw new PolicyFileError(source, ['registry: expected a registry id such as "liuzhou"']);
  return join(dataDir, 'registries', `${registryId}.json`);
}

function catalogOf(loaded: Map<string, LoadedPolicy>): PolicyCatalog {
  return {
    all: () => [...loaded.values()],
    get(policyId) {
      const p = loaded.get(policyId);
      if (!p) throw new HttpError(404, 'policy_not_found', msg('policy_not_found', { policyId }));
      return p;
    },
    has: (policyId) => loaded.has(policyId),
    add(policy) {
      const id = policy.policy.policyId;
      if (loaded.has(id)) throw conflict('policy_exists', msg('policy_exists', { policyId: id }));
      loaded.set(id, policy);
    },
    remove: (policyId) => void loaded.delete(policyId),
  };
}

/**
 * Reads every data/policies/*.json with its registry through loadPolicy (SPEC.md §3), then the
 * policies adopted from scenarios (kept in the database, SPEC §14). A bad file or stored document
 * throws PolicyFileError (file, path and reason), which stops start-up, as does an adopted policy
 * whose id a file now uses: two policies must never answer to one id.
 */
export function loadPolicyCatalog(dataDir: string, adopted: readonly AdoptedPolicy[] = []): PolicyCatalog {
  const dir = join(dataDir, 'policies');
  const loaded = new Map<string, LoadedPolicy>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const policyFile = join(dir, name);
    const policyJson = readJson(policyFile);
    const registryId =
      typeof policyJson === 'object' && policyJson !== null && 'registry' in policyJson && typeof policyJson.registry === 'string'
        ? policyJson.registry
        : '';
    const regFile = registryFile(dataDir, registryId, policyFile);
    const policy = loadPolicy(policyJson, readJson(regFile), { policyFile, registryFile: regFile });
    if (`${policy.policy.policyId}.json` !== name) {
      throw new PolicyFileError(policyFile, [`policyId: "${policy.policy.policyId}" does not match the file name`]);
    }
    loaded.set(policy.policy.policyId, policy);
  }
  if (loaded.size === 0) throw new PolicyFileError(dir, ['(directory): no policy files found']);
  for (const a of adopted) {
    const source = `database adopted_policies/${a.policyId}`;
    if (loaded.has(a.policyId)) {
      throw new PolicyFileError(source, [`policyId: "${a.policyId}" was adopted from a scenario and is also data/policies/${a.policyId}.json — rename one`]);
    }
    const regFile = registryFile(dataDir, a.registryId, source);
    loaded.set(a.policyId, loadPolicy(JSON.parse(a.document), readJson(regFile), { policyFile: source, registryFile: regFile }));
  }
  return catalogOf(loaded);
}

async function policiesPlugin(app: FastifyInstance, options: { dataDir: string }) {
  const catalog = loadPolicyCatalog(options.dataDir, createAdoptedPoliciesRepository(app.db).all());
  app.log.info({ policies: catalog.all().map((p) => p.policy.policyId) }, 'policies loaded');
  app.decorate('policies', catalog);
}

export default fp(policiesPlugin, { name: 'policies', dependencies: ['db'] });
