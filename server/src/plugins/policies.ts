import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { loadPolicy, PolicyFileError, type LoadedPolicy } from '@scoreboard/shared';
import { HttpError } from '../httpError';
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
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new PolicyFileError(file, [`(file): ${err instanceof Error ? err.message : String(err)}`]);
  }
}

/**
 * Reads every data/policies/*.json with its registry through loadPolicy (SPEC.md §3). A bad file
 * throws PolicyFileError (file, path and reason), which stops start-up.
 */
export function loadPolicyCatalog(dataDir: string): PolicyCatalog {
  const dir = join(dataDir, 'policies');
  const loaded = new Map<string, LoadedPolicy>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const policyFile = join(dir, name);
    const policyJson = readJson(policyFile);
    const registryId =
      typeof policyJson === 'object' && policyJson !== null && 'registry' in policyJson && typeof policyJson.registry === 'string'
        ? policyJson.registry
        : '';
    if (!/^[\w-]+$/.test(registryId)) throw new PolicyFileError(policyFile, ['registry: expected a registry id such as "liuzhou"']);
    const registryFile = join(dataDir, 'registries', `${registryId}.json`);
    const policy = loadPolicy(policyJson, readJson(registryFile), { policyFile, registryFile });
    if (`${policy.policy.policyId}.json` !== name) {
      throw new PolicyFileError(policyFile, [`policyId: "${policy.policy.policyId}" does not match the file name`]);
    }
    loaded.set(policy.policy.policyId, policy);
  }
  if (loaded.size === 0) throw new PolicyFileError(dir, ['(directory): no policy files found']);
  return {
    all: () => [...loaded.values()],
    get(policyId) {
      const p = loaded.get(policyId);
      if (!p) throw new HttpError(404, 'policy_not_found', msg('policy_not_found', { policyId }));
      return p;
    },
  };
}

async function policiesPlugin(app: FastifyInstance, options: { dataDir: string }) {
  const catalog = loadPolicyCatalog(options.dataDir);
  app.log.info({ policies: catalog.all().map((p) => p.policy.policyId) }, 'policy files loaded');
  app.decorate('policies', catalog);
}

export default fp(policiesPlugin, { name: 'policies' });
