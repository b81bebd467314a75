import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadPolicy, type LoadedPolicy } from '../src';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(dataDir + path, 'utf8'));
}

/** The shipped Liuzhou policy and registry, as the server loads them. */
export function liuzhou(): LoadedPolicy {
  return loadPolicy(readJson('policies/liuzhou-2026-q3.json'), readJson('registries/liuzhou.json'), {
    policyFile: 'data/policies/liuzhou-2026-q3.json',
    registryFile: 'data/registries/liuzhou.json',
  });
}

/** The example Q4 draft (three indicators, newfirms by rankPoints, a 100-point condition). */
export function liuzhouQ4(): LoadedPolicy {
  return loadPolicy(readJson('policies/liuzhou-2026-q4.json'), readJson('registries/liuzhou.json'), {
    policyFile: 'data/policies/liuzhou-2026-q4.json',
    registryFile: 'data/registries/liuzhou.json',
  });
}
