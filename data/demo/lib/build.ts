import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { policySchema, registrySchema, type Policy, type Registry } from '@scoreboard/shared';
import { toExcelCsv } from './csv';
import { CREDIT_BLACKLIST, INDUSTRY_OUTPUT, SUBSIDY_APPLICATIONS, UNIT_ACTUALS, UNIT_TARGETS, sheetRows } from './files';
import { industryOutputRows } from './industries';
import { createPrng } from './prng';
import { creditBlacklistRows, creditCodes, subsidyApplicationRows } from './subsidies';
import { unitActualRows, unitTargetRows } from './units';

/** One seed for the whole demo; each file draws from its own stream so editing one leaves the others. */
export const SEED = 20260930;
export const POLICY_ID = 'liuzhou-2026-q3';

const dataDir = (relative: string): string => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
export const OUTPUT_DIR = fileURLToPath(new URL(`../${POLICY_ID}/`, import.meta.url));
export const README_PATH = fileURLToPath(new URL('../README.md', import.meta.url));
export const EXPECTED_PATH = fileURLToPath(new URL(`../${POLICY_ID}/expected.json`, import.meta.url));

export function loadPolicyAndRegistry(): { policy: Policy; registry: Registry } {
  const policy = policySchema.parse(JSON.parse(readFileSync(dataDir(`policies/${POLICY_ID}.json`), 'utf8')));
  const registry = registrySchema.parse(JSON.parse(readFileSync(dataDir(`registries/${policy.registry}.json`), 'utf8')));
  return { policy, registry };
}

/** The five CSV files, by file name, as the exact text to write. Pure and deterministic. */
export function buildDemoFiles(): Map<string, string> {
  const codes = creditCodes(createPrng(SEED + 3));
  const files = new Map<string, string>();
  files.set(UNIT_TARGETS.fileName, toExcelCsv(sheetRows(UNIT_TARGETS, unitTargetRows())));
  files.set(UNIT_ACTUALS.fileName, toExcelCsv(sheetRows(UNIT_ACTUALS, unitActualRows(createPrng(SEED + 1)))));
  files.set(INDUSTRY_OUTPUT.fileName, toExcelCsv(sheetRows(INDUSTRY_OUTPUT, industryOutputRows(createPrng(SEED + 2)))));
  files.set(SUBSIDY_APPLICATIONS.fileName, toExcelCsv(sheetRows(SUBSIDY_APPLICATIONS, subsidyApplicationRows(codes))));
  files.set(CREDIT_BLACKLIST.fileName, toExcelCsv(sheetRows(CREDIT_BLACKLIST, creditBlacklistRows(codes))));
  return files;
}
