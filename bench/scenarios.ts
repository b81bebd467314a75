import http from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { login, multipart, percentile, request } from '../tests/support/http';
import { ROOT, startServer } from '../tests/support/realServer';

/**
 * Scenarios (SPEC §14) in the benchmark: POST …/evaluate and GET …/scenarios/stability against the
 * ranking route of the same server in the same run — on the 12 demo units, and on a generated
 * registry of 2,844 units (every county-level unit of China, by count) with a policy and figures
 * made here, never committed.
 */
export const COUNTY_UNITS = 2844;
const POLICY = 'bench-china-2026-q4';

export interface Timing { p50: number; p99: number; n: number }

/** `n` requests one after another on one keep-alive socket (a leader's browser), after 5 warm-ups. */
export async function sequential(n: number, send: (agent: http.Agent) => Promise<{ status: number }>): Promise<Timing> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  try {
    for (let i = 0; i < n + 5; i++) {
      const t0 = performance.now();
      const res = await send(agent);
      const ms = performance.now() - t0;
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      if (i >= 5) times.push(ms);
    }
  } finally {
    agent.destroy();
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), n: times.length };
}

const json = (cookie: string) => ({ cookie, 'content-type': 'application/json' });

/** The policy with every completion indicator's bonus per point doubled: a rule that moves places. */
function bonusDoubled(policy: { countyAward: { indicators: Array<Record<string, unknown>> } }) {
  const copy = structuredClone(policy);
  for (const ind of copy.countyAward.indicators) if (ind.scoring === 'completion') ind.bonusPerPoint = Number(ind.bonusPerPoint) * 2;
  return copy;
}

/**
 * CPU time (user + system, ms) the server process has used so far, from /proc: unlike latency it
 * does not grow when other work shares the machine's two cores, so it says what a request costs.
 */
export function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ (100 on Linux)
}

/** Evaluate, the cached ranking route and the stability view on one policy of a running server. */
export async function measureScenarioRoutes(
  base: string,
  cookie: string,
  policyId: string,
  opts: { evaluations: number; rankings: number; stability: number; pid: number },
) {
  const policyUrl = `${base}/api/policies/${policyId}`;
  const policy = JSON.parse((await request(policyUrl, { headers: { cookie } })).body.toString()) as Parameters<typeof bonusDoubled>[0];
  const body = JSON.stringify({ policy: bonusDoubled(policy) });
  let cpu0 = processCpuMs(opts.pid);
  const evaluate = await sequential(opts.evaluations, (agent) => request(`${policyUrl}/scenarios/evaluate`, { method: 'POST', headers: json(cookie), body, agent }));
  const evaluateCpu = (processCpuMs(opts.pid) - cpu0) / (evaluate.n + 5);
  cpu0 = processCpuMs(opts.pid);
  const ranking = await sequential(opts.rankings, (agent) => request(`${policyUrl}/ranking`, { headers: { cookie }, agent }));
  const rankingCpu = (processCpuMs(opts.pid) - cpu0) / (ranking.n + 5);
  // Cold: every change of the figures (here: the budget) recomputes the ranking and the stability view.
  let budget = 100_000;
  const bump = () => request(`${policyUrl}/budget`, { method: 'PUT', headers: json(cookie), body: JSON.stringify({ totalWan: budget++ }) });
  const coldRanking: number[] = [];
  const coldStability: number[] = [];
  for (let i = 0; i < opts.stability; i++) {
    await bump();
    let t0 = performance.now();
    const r = await request(`${policyUrl}/ranking`, { headers: { cookie } });
    coldRanking.push(performance.now() - t0);
    t0 = performance.now();
    const s = await request(`${policyUrl}/scenarios/stability`, { headers: { cookie } });
    coldStability.push(performance.now() - t0);
    if (r.status !== 200 || s.status !== 200) throw new Error(`cold ranking ${r.status}, stability ${s.status}`);
  }
  await request(`${policyUrl}/budget`, { method: 'PUT', headers: json(cookie), body: JSON.stringify({ totalWan: null }) });
  const med = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
  return { evaluate, ranking, evaluateCpu, rankingCpu, coldRanking: med(coldRanking), coldStability: med(coldStability) };
}

/** A registry of `count` county-level units, a policy over all of them (the Q4 example's rules), and their figures. */
export function countyData(dir: string, count = COUNTY_UNITS) {
  const units = Array.from({ length: count }, (_, i) => {
    const code = String(110101 + i);
    return { unitId: code, name: `县级单位${code}`, shortName: `县${code}`, nameEn: `County-level unit ${code}`, kind: 'county', aliases: [] };
  });
  const q4 = JSON.parse(readFileSync(join(ROOT, 'data/policies/liuzhou-2026-q4.json'), 'utf8')) as Record<string, unknown> & { countyAward: Record<string, unknown>; industries: Record<string, unknown> };
  const policy = {
    ...q4,
    policyId: POLICY,
    title: '全国县级单位工业稳增长考核（性能测试）',
    titleEn: 'All county-level units of China (benchmark)',
    city: '全国',
    registry: 'china-counties',
    units: units.map((u) => u.unitId),
    industries: { ...q4.industries, targets: [] },
  };
  mkdirSync(join(dir, 'policies'), { recursive: true });
  mkdirSync(join(dir, 'registries'), { recursive: true });
  writeFileSync(join(dir, 'policies', `${POLICY}.json`), JSON.stringify(policy));
  writeFileSync(
    join(dir, 'registries', 'china-counties.json'),
    JSON.stringify({ registryId: 'china-counties', city: '全国', units, industries: [{ industryId: 'all', name: '全部工业', shortName: '工业', nameEn: 'All industry', aliases: [] }] }),
  );
  // Deterministic figures: rates from 40% to 130% of the pro-rated target, counts 0–8 of 1–6.
  let seed = 20261128;
  const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const targets = ['单位,规上工业总产值目标（万元）,工业投资目标（万元）,新增规上工业企业数目标（个）'];
  const actuals = ['单位,月份,规上工业总产值（万元）,工业投资（万元）,新增规上工业企业数（个）'];
  for (const u of units) {
    const output = 30_000 + Math.floor(random() * 3_000_000);
    const investment = Math.floor(output / (3 + random() * 4));
    targets.push(`${u.name},${output},${investment},${1 + Math.floor(random() * 6)}`);
    for (const [month, share] of [[10, 1 / 3], [11, 2 / 3]] as const) {
      const rate = 0.4 + random() * 0.9;
      actuals.push(`${u.name},${month},${(output * share * rate).toFixed(1)},${(investment * share * (0.4 + random() * 0.9)).toFixed(1)},${Math.floor(random() * 9)}`);
    }
  }
  return { policyId: POLICY, targets: Buffer.from(targets.join('\n') + '\n'), actuals: Buffer.from(actuals.join('\n') + '\n') };
}

/** The 2,844-unit server: its own data directory and database, figures committed through the upload route. */
export async function countyBench(dir: string, password: string) {
  const data = countyData(join(dir, 'county-data'));
  const server = await startServer({ DATABASE_PATH: join(dir, 'county.sqlite'), DATA_DIR: join(dir, 'county-data'), DEMO_DATA: '0', ADMIN_PASSWORD: password });
  try {
    const cookie = await login(server.base, 'admin', password);
    for (const [kind, file] of [['unit-targets', data.targets], ['unit-actuals', data.actuals]] as const) {
      const { body, contentType } = multipart({ kind, policyId: data.policyId }, { name: `${kind}.csv`, data: file, type: 'text/csv' });
      const res = await request(`${server.base}/api/uploads?dryRun=false`, { method: 'POST', headers: { cookie, 'content-type': contentType, 'content-length': String(body.length) }, body });
      if (res.status !== 200) throw new Error(`county ${kind}: ${res.status} ${res.body.toString().slice(0, 400)}`);
    }
    const ranking = JSON.parse((await request(`${server.base}/api/policies/${data.policyId}/ranking`, { headers: { cookie } })).body.toString()) as { rows: { rank: number | null }[] };
    const ranked = ranking.rows.filter((r) => r.rank !== null).length;
    const routes = await measureScenarioRoutes(server.base, cookie, data.policyId, { evaluations: 40, rankings: 100, stability: 3, pid: server.child.pid! });
    return { ...routes, ranked, rss: server.rssMiB() };
  } finally {
    await server.stop();
  }
}
