import { describe, expect, it } from 'vitest';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { awardsSchema, subsidiesSchema, type Awards, type Subsidies } from '@scoreboard/shared';
import { buildTestApp, POLICY_ID } from '../helpers/app';
import { acceptsGzip } from '../../server/src/routes/policies';
import { encodeSubsidies } from '../../server/src/services/subsidyEvaluation';

describe('the subsidies answer, encoded one application at a time (issue 13: memory)', () => {
  const answer: Subsidies = {
    policyId: 'p', revision: 7,
    applications: [
      { applicationId: 'A1', enterpriseName: '柳州“甲”机械', creditCode: '91450200MA5K00001K', aboveSize: true, kind: 'exhibition', item: 'x\ny', date: '2026-08-01', costYuan: '237000.00', certType: null, declaration: true, eligible: true, reasons: [] },
      { applicationId: 'A2', enterpriseName: '乙', creditCode: '91450200MA5K00002N', aboveSize: null, kind: 'certification', item: '', date: null, costYuan: '1.50', certType: 'CE', declaration: null, eligible: false, reasons: ['not_above_size', 'missing_declaration'] },
    ],
    grants: [{ creditCode: '91450200MA5K00001K', enterpriseName: '柳州“甲”机械', kind: 'exhibition', applicationIds: ['A1'], eligibleCostYuan: '237000.00', capWan: 10, computedWan: 10, grantedWan: 10 }],
    totals: { computedWan: 10, grantedWan: 10 }, factor: 1, factorFraction: '1', factorText: '1.0000',
  };
  const encode = serializerCompiler({ schema: subsidiesSchema, method: 'GET', url: '/' });

  it('is byte for byte what the route serializer wrote', () => {
    expect(encodeSubsidies(answer).toString('utf8')).toBe(encode(answer));
    expect(encodeSubsidies({ ...answer, applications: [] }).toString('utf8')).toBe(encode({ ...answer, applications: [] }));
  });

  it('still refuses an answer that breaks the schema', () => {
    const bad = { ...answer, applications: [{ ...answer.applications[0]!, costYuan: '1.5' }] };
    expect(() => encodeSubsidies(bad)).toThrow();
  });
});

describe('Accept-Encoding: which clients get the subsidies gzipped', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8, *;q=0.1', true],
    ['*', true],
    ['gzip;q=0', false],
    ['gzip;q=0, *', false],
    ['identity', false],
    [undefined, false],
  ])('%s → %s', (header, gzip) => expect(acceptsGzip(header)).toBe(gzip));
});

describe('the award table, encoded one grant at a time (issue 13: memory)', () => {
  it('is byte for byte what the route serializer wrote, live and once final', async () => {
    const t = await buildTestApp({ demoData: true });
    try {
      const leader = await t.login('leader');
      const encode = serializerCompiler({ schema: awardsSchema, method: 'GET', url: '/' });
      for (const step of ['live', 'final']) {
        if (step === 'final') expect((await t.app.inject({ method: 'POST', url: `/api/policies/${POLICY_ID}/finalize`, headers: leader })).statusCode).toBe(200);
        const res = await t.app.inject({ url: `/api/policies/${POLICY_ID}/awards`, headers: leader });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        const table = res.json<Awards>();
        expect(table.grants.length).toBeGreaterThan(0);
        expect(table.final).toBe(step === 'final');
        expect(res.body).toBe(encode(table));
      }
    } finally {
      await t.close();
    }
  });
});
