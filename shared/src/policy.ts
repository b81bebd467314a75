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
  shortNameEn: z.string().min(1).optional().describe('English short name for narrow columns and phone charts; nameEn when absent'),
  kind: z.enum(['district', 'county', 'new_district']),
  aliases: z.array(z.string().min(1)),
});
export type Unit = z.infer<typeof unitSchema>;

export const industrySchema = z.object({
  industryId: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  shortName: z.string().min(1),
  nameEn: z.string().min(1),
  shortNameEn: z.string().min(1).optional().describe('English short name for narrow columns and phone charts; nameEn when absent'),
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

/** Ids of indicators, subsidy kinds: lower-case words; never "/" or "." (they build figure keys). */
const idSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'expected a lower-case id such as "output" or "new-firms"');
const nonNegative = (what: string) =>
  decimalSetting.refine((v) => Number(v) >= 0, `${what} cannot be negative`);
const percent = (what: string) =>
  decimalSetting.refine((v) => Number(v) >= 0 && Number(v) <= 100, `${what} must be between 0 and 100`);

export const indicatorIdSchema = idSchema;
export type IndicatorId = string;

const indicatorCommon = {
  indicatorId: idSchema,
  name: z.string().min(1).describe('as the policy and the statisticians write it, e.g. 规上工业总产值'),
  nameEn: z.string().min(1),
  shortName: z.string().min(1).describe('for narrow columns and chart labels, e.g. 产值'),
  measure: z.enum(['wan', 'count']).describe('wan: 万元 figures; count: whole numbers such as 新增规上工业企业数'),
  basePoints: decimalSetting
    .refine((v) => Number(v) > 0, 'basePoints must be above 0')
    .describe('Bᵢ: the weight — points for completing the target (completion) or for the first place (rankPoints)'),
  prorate: z.boolean().describe('序时进度: before the period ends, compare with target × months passed ÷ months'),
  synonyms: z.array(z.string().min(1)).describe('more header words statisticians use for this figure'),
};

export const completionIndicatorSchema = z.object({
  ...indicatorCommon,
  scoring: z.literal('completion').describe('SPEC §4: base × rate below 100%, + bonus per point above, capped, with a floor'),
  bonusPerPoint: nonNegative('bonusPerPoint').describe('bᵢ: points per percentage point over the target'),
  bonusCap: nonNegative('bonusCap').describe('Mᵢ: the most bonus points'),
  floorPct: percent('floorPct').describe('tᵢ: below this completion rate (%) the indicator scores 0'),
});
export const rankPointsIndicatorSchema = z.object({
  ...indicatorCommon,
  scoring: z
    .literal('rankPoints')
    .describe('units with a rate ordered by completion rate: the first gets basePoints, each place below loses stepPoints, never below floorPoints; equal rates share the higher place'),
  stepPoints: nonNegative('stepPoints'),
  floorPoints: nonNegative('floorPoints'),
});
export const indicatorScheme = z.discriminatedUnion('scoring', [completionIndicatorSchema, rankPointsIndicatorSchema]);
export type IndicatorScheme = z.infer<typeof indicatorScheme>;
export type CompletionIndicator = z.infer<typeof completionIndicatorSchema>;
export type RankPointsIndicator = z.infer<typeof rankPointsIndicatorSchema>;

export const paymentConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('minScore'), score: nonNegative('minScore').describe('published score needed to be paid at all') }),
  z.object({ kind: z.literal('everyIndicatorComplete').describe('every indicator at ≥ 100% of its (pro-rated) target') }),
]);
export type PaymentCondition = z.infer<typeof paymentConditionSchema>;

export const industryTargetSchema = z.union([
  z.object({ kind: z.literal('growthAtLeast'), pct: decimalSetting }),
  z.object({ kind: z.literal('declineNarrowing'), mode: z.literal('eachMonth') }),
  z.object({ kind: z.literal('declineNarrowing'), mode: z.literal('vsMonth'), month }),
]);
export type IndustryTarget = z.infer<typeof industryTargetSchema>;

export const subsidyKindSchema = idSchema;
export type SubsidyKind = string;

export const subsidyKindRuleSchema = z.object({
  kind: idSchema,
  name: z.string().min(1),
  nameEn: z.string().min(1),
  shortName: z.string().min(1).describe('as a statistician writes it in the 类别 column, e.g. 展会'),
  aliases: z.array(z.string().min(1)).describe('more words accepted in the 类别 column'),
  ratePct: decimalSetting.refine((v) => Number(v) > 0 && Number(v) <= 100, 'ratePct must be above 0 and at most 100'),
  capWan: z.number().int().positive(),
  capScope: z
    .enum(['perEnterprise', 'perEvent'])
    .describe('perEnterprise: one cap per enterprise and kind over the whole period; perEvent: a cap per application'),
  requiresAboveSize: z.boolean().describe('规上 (above designated size) enterprises only'),
  clause,
});
export type SubsidyKindRule = z.infer<typeof subsidyKindRuleSchema>;

export const policyStatusSchema = z.enum(['draft', 'in_force']);
export type PolicyStatus = z.infer<typeof policyStatusSchema>;

export const policySchema = z
  .object({
    policyId: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    titleEn: z.string().min(1),
    document: z.string().min(1).describe('the source text, e.g. the seed file name'),
    city: z.string().min(1),
    registry: z.string().min(1).describe('data/registries/<registry>.json'),
    status: policyStatusSchema.describe('draft = 征求意见稿, printed as a watermark; in_force = 正式'),
    example: z.boolean().describe('true: an example (示例), not an official text — labelled everywhere it shows'),
    period: z.object({
      year: z.number().int().min(2000).max(2100),
      label: z.string().min(1).describe('how the period is named in Chinese, e.g. 2026年三季度'),
      labelEn: z.string().min(1).describe('e.g. Q3 2026'),
      start: isoDate,
      end: isoDate,
      months: z.array(month).min(1).describe('the months of the assessment period, in order'),
      clause,
    }),
    validUntil: isoDate,
    units: z.array(z.string().min(1)).min(1).describe('unitIds from the registry that are ranked'),
    countyAward: z.object({
      clause,
      indicators: z.array(indicatorScheme).min(1),
      score: z.object({
        decimals: z.number().int().min(0).max(6),
        rounding: z.literal('halfUp'),
      }),
      tieBreakers: z.array(idSchema).describe('indicator ids: equal published scores are split by these completion rates, in order'),
      awards: z.object({
        tiersWan: z.array(z.number().int().nonnegative()).min(1).describe('万元 for places 1, 2, 3, …'),
        tieShareRounding: z.literal('floorWan'),
        condition: paymentConditionSchema.nullable().describe('to be paid at all; null: every ranked place is paid'),
        unpaidPlace: z
          .enum(['passesDown', 'lapses'])
          .describe('a place whose unit is not paid: passesDown — the next paid unit takes it; lapses — nobody is paid for it'),
      }),
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
      kinds: z.array(subsidyKindRuleSchema),
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
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (p.period.start > p.period.end) issue(['period', 'end'], 'the period ends before it starts');
    if (p.validUntil < p.period.start) issue(['validUntil'], 'the policy expires before its period starts');
    const ms = p.period.months;
    ms.forEach((m, i) => {
      if (i > 0 && m <= ms[i - 1]!) issue(['period', 'months', i], 'months must be in order, each once');
    });
    const startMonth = Number(p.period.start.slice(5, 7));
    const endMonth = Number(p.period.end.slice(5, 7));
    if (p.period.start.slice(0, 4) === p.period.end.slice(0, 4) && (ms[0]! < startMonth || ms.at(-1)! > endMonth)) {
      issue(['period', 'months'], `the months must lie between the period's start (${p.period.start}) and end (${p.period.end})`);
    }
    const ids = p.countyAward.indicators.map((i) => i.indicatorId);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) issue(['countyAward', 'indicators', i, 'indicatorId'], `indicator "${id}" appears twice`);
    });
    p.countyAward.indicators.forEach((ind, i) => {
      if (ind.scoring === 'rankPoints' && Number(ind.floorPoints) > Number(ind.basePoints)) {
        issue(['countyAward', 'indicators', i, 'floorPoints'], 'floorPoints cannot exceed basePoints');
      }
    });
    p.countyAward.tieBreakers.forEach((id, i) => {
      if (!ids.includes(id)) issue(['countyAward', 'tieBreakers', i], `"${id}" is not an indicator of this policy (${ids.join(', ')})`);
      else if (p.countyAward.tieBreakers.indexOf(id) !== i) issue(['countyAward', 'tieBreakers', i], `"${id}" appears twice`);
    });
    if (p.industries.windowFromMonth > p.industries.windowToMonth) {
      issue(['industries', 'windowToMonth'], 'the window ends before it starts');
    }
    if (p.subsidies.claimWindow.from > p.subsidies.claimWindow.to) {
      issue(['subsidies', 'claimWindow', 'to'], 'the claim window ends before it starts');
    }
    const kinds = p.subsidies.kinds.map((k) => k.kind);
    kinds.forEach((k, i) => {
      if (kinds.indexOf(k) !== i) issue(['subsidies', 'kinds', i, 'kind'], `subsidy kind "${k}" appears twice`);
    });
  });
export type Policy = z.infer<typeof policySchema>;

/** The most points a unit can score on an indicator (the chart's scale). */
export function indicatorMaxPoints(scheme: IndicatorScheme): number {
  return scheme.scoring === 'completion'
    ? Number(scheme.basePoints) + Number(scheme.bonusCap)
    : Number(scheme.basePoints);
}

/** The line a unit "meets its targets" at: the sum of the indicators' base points (100 in Q3). */
export function fullMarks(policy: Pick<Policy, 'countyAward'>): number {
  return policy.countyAward.indicators.reduce((s, i) => s + Number(i.basePoints), 0);
}

/** A policy joined with its registry: what the server and client work with. */
export interface LoadedPolicy {
  policy: Policy;
  registry: Registry;
}

/** Human-readable "path: reason" lines for a zod error, for start-up failures. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}
