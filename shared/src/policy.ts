import { z } from 'zod';

/**
 * The policy file schema (data/policies/<id>.json). Every rule the product computes with is a
 * setting here; the code holds no defaults. Each block names the clause of the policy text it comes
 * from, so a reader can check the number against the original.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
/** A decimal setting: a JSON number or a decimal string, read exactly (never as a binary float). */
export const decimalSetting = z.union([
  z.number().finite(),
  z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number such as "0.5"'),
]);
const clause = z.string().min(1).describe('the clause of the policy text, e.g. "一" or "四(一)"');
const month = z.number().int().min(1).max(12);

export const unitSchema = z.object({
  unitId: z.string().min(1).describe('administrative code, or LZ-xx for new districts'),
  name: z.string().min(1),
  shortName: z.string().min(1),
  nameEn: z.string().min(1),
  kind: z.enum(['district', 'county', 'new_district']),
  aliases: z.array(z.string().min(1)),
});
export type Unit = z.infer<typeof unitSchema>;

export const industrySchema = z.object({
  industryId: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  shortName: z.string().min(1),
  nameEn: z.string().min(1),
  aliases: z.array(z.string().min(1)),
});
export type Industry = z.infer<typeof industrySchema>;

export const registrySchema = z.object({
  registryId: z.string().min(1),
  city: z.string().min(1),
  note: z.string().optional(),
  units: z.array(unitSchema).min(1),
  industries: z.array(industrySchema).min(1),
});
export type Registry = z.infer<typeof registrySchema>;

export const indicatorIdSchema = z.enum(['output', 'investment']);
export type IndicatorId = z.infer<typeof indicatorIdSchema>;

export const indicatorScheme = z.object({
  indicatorId: indicatorIdSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  basePoints: decimalSetting.describe('Bᵢ: points for completing the target'),
  bonusPerPoint: decimalSetting.describe('bᵢ: points per percentage point over the target'),
  bonusCap: decimalSetting.describe('Mᵢ: the most bonus points'),
  floorPct: decimalSetting.describe('tᵢ: below this completion rate (%) the indicator scores 0'),
});
export type IndicatorScheme = z.infer<typeof indicatorScheme>;

export const tieBreakerSchema = z.enum(['output.completionRate', 'investment.completionRate']);

export const industryTargetSchema = z.union([
  z.object({ kind: z.literal('growthAtLeast'), pct: decimalSetting }),
  z.object({ kind: z.literal('declineNarrowing'), mode: z.literal('eachMonth') }),
  z.object({ kind: z.literal('declineNarrowing'), mode: z.literal('vsMonth'), month }),
]);
export type IndustryTarget = z.infer<typeof industryTargetSchema>;

export const subsidyKindSchema = z.enum(['exhibition', 'event', 'certification']);
export type SubsidyKind = z.infer<typeof subsidyKindSchema>;

export const policySchema = z
  .object({
    policyId: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    titleEn: z.string().min(1),
    document: z.string().min(1).describe('the source text, e.g. the seed file name'),
    city: z.string().min(1),
    registry: z.string().min(1).describe('data/registries/<registry>.json'),
    status: z.enum(['draft', 'final']).describe('draft = 征求意见稿, printed as a watermark'),
    period: z.object({
      year: z.number().int(),
      start: isoDate,
      end: isoDate,
      months: z.array(month).min(1).describe('the months of the assessment period, in order'),
      clause,
    }),
    validUntil: isoDate,
    units: z.array(z.string().min(1)).min(1).describe('unitIds from the registry that are ranked'),
    countyAward: z.object({
      clause,
      indicators: z.array(indicatorScheme).length(2),
      score: z.object({
        decimals: z.number().int().min(0).max(6),
        rounding: z.literal('halfUp'),
      }),
      timeProgress: z.object({
        mode: z.enum(['prorata', 'none']).describe('prorata: targets × m / months before the period ends'),
      }),
      tieBreakers: z.array(tieBreakerSchema),
      tiersWan: z.array(z.number().int().nonnegative()).min(1),
      tieShareRounding: z.literal('floorWan'),
    }),
    industries: z.object({
      clause,
      indicator: z.string().min(1),
      windowFromMonth: month,
      windowToMonth: month,
      targets: z.array(
        z.object({
          industryId: z.string().min(1),
          target: industryTargetSchema.nullable(),
          clause,
          text: z.string().describe('the target as the policy words it'),
        }),
      ),
    }),
    subsidies: z.object({
      clause,
      claimWindow: z.object({ from: isoDate, to: isoDate }),
      requiredDeclarations: z.array(z.enum(['declaration'])),
      rounding: z.literal('floorWan').describe('六(一): 以万元为最小单位向下取整'),
      kinds: z.array(
        z.object({
          kind: subsidyKindSchema,
          name: z.string().min(1),
          nameEn: z.string().min(1),
          ratePct: decimalSetting,
          capWan: z.number().int().positive(),
          capScope: z.enum(['perEnterpriseKind', 'perApplication']),
          requiresAboveSize: z.boolean(),
          clause,
        }),
      ),
      notes: z.array(z.string()),
    }),
    budget: z.object({
      totalWan: z.number().int().nonnegative().nullable(),
      overBudget: z.literal('scaleSubsidies').describe('county awards stand; grants scale by one factor'),
      clause,
    }),
    notes: z.array(z.string()),
  })
  .superRefine((p, ctx) => {
    if (p.period.start > p.period.end) {
      ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: 'the period ends before it starts' });
    }
    const ids = p.countyAward.indicators.map((i) => i.indicatorId);
    if (new Set(ids).size !== ids.length) {
      ctx.addIssue({ code: 'custom', path: ['countyAward', 'indicators'], message: 'each indicator once' });
    }
    if (p.industries.windowFromMonth > p.industries.windowToMonth) {
      ctx.addIssue({ code: 'custom', path: ['industries', 'windowToMonth'], message: 'the window ends before it starts' });
    }
    const kinds = p.subsidies.kinds.map((k) => k.kind);
    if (new Set(kinds).size !== kinds.length) {
      ctx.addIssue({ code: 'custom', path: ['subsidies', 'kinds'], message: 'each subsidy kind once' });
    }
  });
export type Policy = z.infer<typeof policySchema>;

/** A policy joined with its registry: what the server and client work with. */
export interface LoadedPolicy {
  policy: Policy;
  registry: Registry;
}

/** Human-readable "path: reason" lines for a zod error, for start-up failures. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}
