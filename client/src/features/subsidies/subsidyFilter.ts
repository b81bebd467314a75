import type { Application, Grant } from '@scoreboard/shared';

export interface SubsidyFilter {
  kind: string; // a subsidy kind of the policy, or 'all'
  eligible: 'all' | 'eligible' | 'ineligible';
  search: string;
}
export const NO_FILTER: SubsidyFilter = { kind: 'all', eligible: 'all', search: '' };

function matchesText(name: string, code: string, search: string): boolean {
  const q = search.trim().toLowerCase();
  return q === '' || name.toLowerCase().includes(q) || code.toLowerCase().includes(q);
}

export function filterApplications(apps: readonly Application[], f: SubsidyFilter): Application[] {
  return apps.filter(
    (a) =>
      (f.kind === 'all' || a.kind === f.kind) &&
      (f.eligible === 'all' || (f.eligible === 'eligible') === a.eligible) &&
      matchesText(a.enterpriseName, a.creditCode, f.search),
  );
}

/** Grants have no eligibility of their own (only eligible costs make one). */
export function filterGrants(grants: readonly Grant[], f: SubsidyFilter): Grant[] {
  return grants.filter((g) => (f.kind === 'all' || g.kind === f.kind) && matchesText(g.enterpriseName, g.creditCode, f.search));
}

/** Sums of the shown grants, in whole 万元 (integers: exact). */
export function grantTotals(grants: readonly Grant[]): { computedWan: number; grantedWan: number } {
  return grants.reduce((acc, g) => ({ computedWan: acc.computedWan + g.computedWan, grantedWan: acc.grantedWan + g.grantedWan }), {
    computedWan: 0,
    grantedWan: 0,
  });
}
