import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPECTED_PATH, OUTPUT_DIR, README_PATH, SEED, buildDemoFiles, loadPolicyAndRegistry } from './lib/build';
import { rankingText, renderReadme } from './lib/report';
import { selfCheck } from './lib/selfCheck';
import { buildQ4DemoFiles, Q4_POLICY_ID } from './lib/q4';

/**
 * Writes the demo data (示例数据) for liuzhou-2026-q3 (five upload CSVs, expected.json, README.md)
 * and for the example Q4 draft liuzhou-2026-q4 (five upload CSVs).
 * Run: node --import tsx data/demo/generate.ts
 * Nothing is written unless the self-check (files read back, every figure recomputed) passes.
 */
const { policy, registry } = loadPolicyAndRegistry();
const files = buildDemoFiles();
const expected = selfCheck(files, policy, registry);

mkdirSync(OUTPUT_DIR, { recursive: true });
for (const [name, text] of files) writeFileSync(join(OUTPUT_DIR, name), text, 'utf8');
writeFileSync(EXPECTED_PATH, JSON.stringify(expected, null, 2) + '\n', 'utf8');
writeFileSync(README_PATH, renderReadme(expected, SEED), 'utf8');

// The example Q4 draft: its numbers are worked by hand in data/demo/liuzhou-2026-q4/README.md.
const q4Dir = join(OUTPUT_DIR, '..', Q4_POLICY_ID);
mkdirSync(q4Dir, { recursive: true });
for (const [name, text] of buildQ4DemoFiles()) writeFileSync(join(q4Dir, name), text, 'utf8');

for (const month of expected.ranking) console.log(rankingText(month) + '\n');
for (const i of expected.industries) console.log(`${i.industryId.padEnd(13)} ${i.status.padEnd(9)} ${i.series.at(-1)?.growth ?? '—'}%`);
console.log(`\ngrants: ${expected.grants.length} enterprise×kind, ${expected.totals.subsidiesComputedWan} 万元 computed; county awards ${expected.totals.countyAwardsWan} 万元`);
console.log(`wrote ${files.size} CSVs, expected.json and README.md under data/demo/`);
