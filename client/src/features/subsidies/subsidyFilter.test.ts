import { describe, expect, it } from 'vitest';
import type { Application, Grant } from '@scoreboard/shared';
import { filterApplications, filterGrants, grantTotals, NO_FILTER } from './subsidyFilter';

const app = (p: Partial<Application>): Application => ({
  applicationId: 'A1', enterpriseName: '柳州某机械有限公司', creditCode: '91450200MA5K000001', aboveSize: true,
  kind: 'exhibition', item: '广交会', date: '2026-05-01', costYuan: '237000.00', certType: null, declaration: true,
  eligible: true, reasons: [], ...p,
});
const apps = [
  app({ applicationId: 'A1' }),
  app({ applicationId: 'A2', kind: 'certification', enterpriseName: '柳州某电子公司', creditCode: '91450200MA5K000002' }),
  app({ applicationId: 'A3', eligible: false, reasons: ['not_above_size', 'missing_declaration'] }),
];
const grant = (p: Partial<Grant>): Grant => ({
  creditCode: '91450200MA5K000001', enterpriseName: '柳州某机械有限公司', kind: 'exhibition', applicationIds: ['A1'],
  eligibleCostYuan: '237000.00', capWan: 10, computedWan: 10, grantedWan: 10, ...p,
});

describe('subsidy filters', () => {
  it('filters by kind, eligibility and name or credit code', () => {
    expect(filterApplications(apps, NO_FILTER)).toHaveLength(3);
    expect(filterApplications(apps, { ...NO_FILTER, kind: 'certification' }).map((a) => a.applicationId)).toEqual(['A2']);
    expect(filterApplications(apps, { ...NO_FILTER, eligible: 'ineligible' }).map((a) => a.applicationId)).toEqual(['A3']);
    expect(filterApplications(apps, { ...NO_FILTER, search: '电子' }).map((a) => a.applicationId)).toEqual(['A2']);
    expect(filterApplications(apps, { ...NO_FILTER, search: 'ma5k000002' }).map((a) => a.applicationId)).toEqual(['A2']);
  });
  it('totals the grants shown in whole 万元', () => {
    const grants = [grant({}), grant({ kind: 'certification', computedWan: 5, grantedWan: 4, capWan: 5 })];
    expect(grantTotals(grants)).toEqual({ computedWan: 15, grantedWan: 14 });
    expect(grantTotals(filterGrants(grants, { ...NO_FILTER, kind: 'certification' }))).toEqual({ computedWan: 5, grantedWan: 4 });
  });
});
