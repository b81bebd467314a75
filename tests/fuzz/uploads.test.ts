import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema, invalidUploadSchema, uploadKindSchema, uploadResultSchema, type UploadKind } from '@scoreboard/shared';
import { kindSpec } from '../../server/src/ingest/kinds';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';
import { postUpload } from '../helpers/uploads';
import { damage, table, toCsv, toXlsx, type UploadFile } from './generators';
import { fixture } from '../ingest/helpers';

/**
 * Issue 6, fuzz: whatever file arrives at POST /api/uploads, for each of the five kinds, previewed or
 * committed, the answer is never a 5xx and the store never holds a partial batch — after each commit
 * attempt either a 200 whose batch has exactly `keys` entries, or a 4xx and the batches unchanged.
 * Run counts are bounded so the file takes well under a minute.
 */
let t: TestApp;
let cookie: string;
let db: Database.Database;
beforeAll(async () => {
  t = await buildTestApp();
  cookie = (await t.login('statistician')).cookie;
  db = new Database(t.databasePath, { readonly: true }); // a second connection sees only committed rows
});
afterAll(async () => {
  db.close();
  await t.close();
});

interface StoreState { batches: number; entries: number; lastBatchId: number }
const state = (): StoreState =>
  db.prepare<[], StoreState>('SELECT (SELECT COUNT(*) FROM batches) AS batches, (SELECT COUNT(*) FROM entries) AS entries, (SELECT COALESCE(MAX(batch_id), 0) FROM batches) AS lastBatchId').get()!;
const entriesOf = (batchId: number) =>
  db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM entries WHERE batch_id = ?').get(batchId)!.n;

/** Posts the file and checks the invariants; returns the status for the statistics. */
async function postAndCheck(kind: UploadKind, file: UploadFile, dryRun: boolean): Promise<number> {
  const before = state();
  const res = await postUpload(t, cookie, { kind, fileName: file.name, data: file.data, dryRun });
  const after = state();
  const context = `${kind} dryRun=${dryRun} ${file.describe}: ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, context).toBeLessThan(500);

  if (res.statusCode === 200) {
    const result = uploadResultSchema.parse(res.json());
    const { added, changed, unchanged } = result.summary;
    if (dryRun || result.duplicate) {
      expect(after, context).toEqual(before);
    } else {
      const batch = result.batch!;
      expect(batch.batchId, context).toBe(before.lastBatchId + 1);
      expect(after.batches, context).toBe(before.batches + 1);
      expect(entriesOf(batch.batchId), context).toBe(batch.keys);
      expect(added + changed + unchanged, context).toBe(batch.keys);
      expect(after.entries - before.entries, context).toBe(batch.keys);
    }
  } else {
    expect(res.statusCode, context).toBeGreaterThanOrEqual(400);
    expect(after, context).toEqual(before);
    if (res.statusCode === 422) expect(invalidUploadSchema.parse(res.json()).errors.length, context).toBeGreaterThan(0);
    else errorResponseSchema.parse(res.json());
  }
  return res.statusCode;
}

const KIND_NAMES: readonly UploadKind[] = uploadKindSchema.options;
const encoding = fc.constantFrom('utf8' as const, 'utf8-bom' as const, 'gb18030' as const);
const newline = fc.constantFrom('\n' as const, '\r\n' as const);
const statuses: Record<string, number> = {};
const count = (key: string) => void (statuses[key] = (statuses[key] ?? 0) + 1);

describe('uploads survive generated files (fast-check)', () => {
  it.each(KIND_NAMES)('%s: generated CSV in UTF-8 or GB18030, previewed and committed', async (kind) => {
    const { policy, registry } = t.app.policies.get(POLICY_ID);
    const spec = kindSpec(kind, policy);
    await fc.assert(
      fc.asyncProperty(table(spec, policy, registry), encoding, newline, fc.boolean(), async (rows, enc, nl, dryRun) => {
        const file = { name: `${kind}.csv`, data: toCsv(rows, enc, nl), describe: `CSV ${enc} ${JSON.stringify(rows).slice(0, 400)}` };
        count(`csv ${await postAndCheck(kind, file, dryRun)}`);
      }),
      { numRuns: 40 },
    );
  });

  it.each(KIND_NAMES)('%s: generated XLSX built with exceljs, whole or damaged', async (kind) => {
    const { policy, registry } = t.app.policies.get(POLICY_ID);
    const spec = kindSpec(kind, policy);
    const damageArb = fc.option(fc.record({ cutAt: fc.double({ min: 0, max: 1, noNaN: true }), flips: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }) }), { freq: 3 });
    await fc.assert(
      fc.asyncProperty(table(spec, policy, registry), fc.constantFrom('Sheet1', '数据', '2026年8月'), fc.boolean(), damageArb, fc.boolean(), async (rows, sheet, numeric, harm, dryRun) => {
        const whole = await toXlsx(rows, sheet, numeric);
        const data = harm ? damage(whole, harm) : whole;
        const file = { name: `${kind}.xlsx`, data, describe: `XLSX ${harm ? `damaged ${JSON.stringify(harm)}` : 'whole'} ${JSON.stringify(rows).slice(0, 400)}` };
        count(`xlsx ${harm ? 'damaged' : 'whole'} ${await postAndCheck(kind, file, dryRun)}`);
      }),
      { numRuns: 25 },
    );
  });

  it('random bytes under any name, for any kind', async () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }),
      fc.uint8Array({ maxLength: 512 }).map((b) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...b])), // looks like a zip
      fc.uint8Array({ maxLength: 512 }).map((b) => new Uint8Array([0xef, 0xbb, 0xbf, ...b])), // a UTF-8 BOM, then noise
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...KIND_NAMES), bytes, fc.constantFrom('data.xlsx', 'data.csv', 'data', '数据.XLSX'), fc.boolean(), async (kind, b, name, dryRun) => {
        count(`bytes ${await postAndCheck(kind, { name, data: Buffer.from(b), describe: `bytes ${Buffer.from(b).toString('hex').slice(0, 200)}` }, dryRun)}`);
      }),
      { numRuns: 80 },
    );
  });

  // SPEC §17: every office format, whole or cut short or with bytes flipped, and the bombs of each.
  it('office formats (.xls, .et, .ods, SpreadsheetML, HTML), whole or damaged, and their bombs', async () => {
    const twins: [UploadKind, string][] = [['unit-targets', 'unit-targets-yi'], ['unit-actuals', 'unit-actuals-titled'], ['industry-output', 'industry-output-fullwidth'], ['subsidy-applications', 'subsidy-applications'], ['credit-blacklist', 'credit-blacklist']];
    const files = twins.flatMap(([kind, name]) => ['.xls', '.et', '.ods', '.2003.xls', '.html.xls'].map((ext) => [kind, `${name}${ext}`] as const));
    const damageArb = fc.option(fc.record({ cutAt: fc.double({ min: 0, max: 1, noNaN: true }), flips: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }) }), { freq: 2 });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...files), damageArb, fc.boolean(), async ([kind, name], harm, dryRun) => {
        const whole = fixture(name);
        const data = harm ? damage(whole, harm) : whole;
        count(`office ${harm ? 'damaged' : 'whole'} ${await postAndCheck(kind, { name, data, describe: `${name} ${harm ? `damaged ${JSON.stringify(harm)}` : 'whole'}` }, dryRun)}`);
      }),
      { numRuns: 60 },
    );
    const bombs = [
      { name: 'laughs.xls', data: `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>&c;</Data></Cell></Row></Table></Worksheet></Workbook>`, code: 'unsafe_markup' },
      { name: 'rows.xls', data: `<html><table>${'<tr><td>城中区</td><td>1</td></tr>'.repeat(200_100)}</table></html>`, code: 'too_many_rows' },
      { name: 'cut.xls', data: fixture('unit-targets-yi.xls').subarray(0, 3000), code: 'unreadable_file' },
      { name: 'password.xls', data: fixture('password.xls'), code: 'password_protected' },
    ];
    for (const bomb of bombs) {
      const before = state();
      const res = await postUpload(t, cookie, { kind: 'unit-targets', fileName: bomb.name, data: bomb.data, dryRun: false });
      expect(res.statusCode, bomb.name).toBe(422);
      expect(invalidUploadSchema.parse(res.json()).errors.map((e) => e.code), bomb.name).toEqual([bomb.code]);
      expect(state(), bomb.name).toEqual(before);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  }, 120_000);

  it('leaves no batch whose entries differ from its key count, and exercised both outcomes', () => {
    const partial = db.prepare('SELECT batch_id FROM batches b WHERE keys != (SELECT COUNT(*) FROM entries e WHERE e.batch_id = b.batch_id)').all();
    expect(partial).toEqual([]);
    // The generators must reach the commit path, not only the refusals, or the test proves little.
    const committed = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM batches WHERE uploaded_by = 'statistician'").get()!.n;
    expect(committed, JSON.stringify(statuses)).toBeGreaterThan(5);
    expect(Object.keys(statuses).some((k) => k.endsWith(' 422')), JSON.stringify(statuses)).toBe(true);
  });
});
