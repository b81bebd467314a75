import { z } from 'zod';
import { indicatorIdSchema, policyStatusSchema, subsidyKindSchema } from './policy';

/**
 * API v1 — the stable contract (SPEC.md §11). The server validates requests and serialises
 * responses with these schemas; the client parses responses with them. Never retype them.
 *
 * Money fields ending in `Wan` are integers of 万元; `Yuan` fields are decimal strings to the fen
 * ("237000.00"); rates are percentages as numbers (102.5 means 102.5%).
 */

export const roleSchema = z.enum(['viewer', 'statistician', 'leader', 'admin']);
export type Role = z.infer<typeof roleSchema>;
export const ROLE_ORDER: readonly Role[] = ['viewer', 'statistician', 'leader', 'admin'];
/** Each role holds the rights of those before it (SPEC.md §10). */
export function hasRole(actual: Role, needed: Role): boolean {
  return ROLE_ORDER.indexOf(actual) >= ROLE_ORDER.indexOf(needed);
}

export const errorResponseSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

// healthSchema: see operations.ts (SPEC.md §18 adds version and database state).

// ── session ──────────────────────────────────────────────────────────────────────────────
export const loginBodySchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});
export const sessionSchema = z.object({
  username: z.string(),
  role: roleSchema,
  displayName: z.string(),
  expiresAt: z.string(),
});
export type Session = z.infer<typeof sessionSchema>;

export const userSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  disabled: z.boolean(),
});
export type User = z.infer<typeof userSchema>;
/**
 * The request schemas' own messages in both languages: the schema carries the Chinese, and the
 * server answers an English request with the English (SPEC §16).
 */
export const requestMessages = {
  username: { zh: '用户名须为 3–32 位小写字母、数字或 _ . -，并以字母开头', en: 'A username is 3–32 lower-case letters, digits or _ . -, starting with a letter' },
  passwordLength: { zh: '密码至少 10 个字符', en: 'A password needs at least 10 characters' },
  overrideReason: { zh: '请写明在数据不完整时定稿的理由（至少 4 个字）', en: 'Write why the period is finalized while incomplete (at least 4 characters)' },
  scenarioName: { zh: '请填写方案名称', en: 'Name the scenario' },
  scenarioNameLength: { zh: '方案名称不超过 100 个字符', en: 'A scenario name is at most 100 characters' },
  policyId: { zh: '政策编号须为 3–64 位小写字母、数字或 -', en: 'A policy id is 3–64 lower-case letters, digits or -' },
  title: { zh: '请填写标题', en: 'Give a title' },
  webhookUrl: { zh: '请填写以 http:// 或 https:// 开头的完整地址', en: 'Give a whole address starting with http:// or https://' },
  webhookEvents: { zh: '至少选择一个事件', en: 'Choose at least one event' },
  webhookEventsUnique: { zh: '事件不能重复', en: 'Each event once' },
} as const;
export const createUserBodySchema = z.object({
  username: z.string().regex(/^[a-z][a-z0-9_.-]{2,31}$/, requestMessages.username.zh),
  displayName: z.string().min(1).max(64),
  role: roleSchema,
  password: z.string().min(10, requestMessages.passwordLength.zh).max(256),
});
export const updateUserBodySchema = z.object({
  role: roleSchema.optional(),
  displayName: z.string().min(1).max(64).optional(),
  password: z.string().min(10).max(256).optional(),
  disabled: z.boolean().optional(),
});

// ── ranking ──────────────────────────────────────────────────────────────────────────────
export const indicatorResultSchema = z.object({
  target: z.number().nullable(), // 万元 (or a count), the whole-period target
  proratedTarget: z.number().nullable(), // target × time progress when the indicator is pro-rated
  actual: z.number().nullable(), // cumulative from the period's first month
  completionRate: z.number().nullable(), // %, 2 decimals
  points: z.number().nullable(), // 2 decimals, for display: the score is the rounded exact sum
  // rankPoints indicators: the place by completion rate that gave the points (absent before release 2)
  place: z.number().int().nullable().default(null),
});
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;

/** A unit's place as the scoring rule decides it (shared/src/ranking.ts); also the county award row. */
export const unitRankRowSchema = z.object({
  rank: z.number().int().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  score: z.number().nullable(),
  tied: z.boolean(),
  award: z.number().int(), // 万元
  disqualified: z.object({ reason: z.string() }).nullable(),
  missing: z.array(z.string()), // e.g. "investment.target"
  indicators: z.record(indicatorIdSchema, indicatorResultSchema),
  // Ranked but not paid under the policy's payment condition (SPEC §13); absent before release 2.
  unpaid: z.enum(['below_min_score', 'indicator_incomplete']).nullable().default(null),
  // Same published score as the unit ranked directly above, split by a tie-breaker (SPEC §4, §15):
  // which indicator's rate, and both rates to the fewest decimals (at least 2) at which they differ.
  // Null otherwise, and in snapshots frozen before release 2.
  tieBreak: z
    .object({
      indicatorId: z.string(),
      aboveUnitId: z.string(),
      decimals: z.number().int(),
      rate: z.string(), // e.g. "102.3458" (%), this unit's
      aboveRate: z.string(), // e.g. "102.3461" (%), the unit above's
    })
    .nullable()
    .default(null),
});
export type UnitRankRow = z.infer<typeof unitRankRowSchema>;

/** A row of the live ranking: the rule's row and where the unit stood before (issue 5). */
export const rankingRowSchema = unitRankRowSchema.extend({
  // The unit's rank in the previous distinct ranking of the same month (see `previousRevision`);
  // null when it was not ranked then, or when there is no earlier ranking.
  previousRank: z.number().int().nullable(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;

export const rankingSchema = z.object({
  policyId: z.string(),
  month: z.number().int().nullable(), // null when no actuals have landed yet
  monthsWithData: z.array(z.number().int()),
  timeProgress: z.number(), // %, one decimal: month 8 of 7–9 → 66.7
  revision: z.number().int(),
  // The revision at which the ranking that `previousRank` refers to first appeared; null: none.
  previousRevision: z.number().int().nullable(),
  final: z.boolean(),
  // true when the period is final and a change has landed since (SPEC.md §9)
  revisedAfterFinalization: z.boolean(),
  waiting: z.number().int(),
  updatedAt: z.string().nullable(),
  rows: z.array(rankingRowSchema),
});
export type Ranking = z.infer<typeof rankingSchema>;
export const rankingQuerySchema = z.object({ month: z.coerce.number().int().min(1).max(12).optional() });

// ── outlook (SPEC §15) ──────────────────────────────────────────────────────────────────
/**
 * A value exactly as the score used it: `text` is its decimal — exact when `exact`, else rounded
 * half-up to 6 places — and `fraction` is the exact value in lowest terms ("200/3", or "96").
 */
export const exactNumberSchema = z.object({ text: z.string(), fraction: z.string(), exact: z.boolean() });
export type ExactNumber = z.infer<typeof exactNumberSchema>;

/** Why an amount is null: first already / paid already; not ranked; no amount on this indicator can. */
export const outlookBlockSchema = z.enum(['already_first', 'already_paid', 'not_ranked', 'no_amount']);
/**
 * Amounts in 万元 are decimal strings with two places, rounded UP to 0.01 万元 so that adding exactly
 * that amount achieves it ("30.00"); for a count indicator (measure "count") they are whole ("3").
 */
const amountString = z.string().regex(/^\d+(\.\d{2})?$/);
export const outlookIndicatorSchema = z.object({
  indicatorId: z.string(),
  measure: z.enum(['wan', 'count']),
  /** the scoring rule with the policy's own parameters */
  rule: z.discriminatedUnion('scoring', [
    z.object({
      scoring: z.literal('completion'),
      basePoints: z.string(),
      bonusPerPoint: z.string(),
      bonusCap: z.string(),
      floorPct: z.string(),
      capRate: exactNumberSchema, // the rate (%) at which the bonus reaches its cap
    }),
    z.object({ scoring: z.literal('rankPoints'), basePoints: z.string(), stepPoints: z.string(), floorPoints: z.string() }),
  ]),
  /** which case of the rule gave the points: ≥ 100% (uncapped / capped), below 100%, below the floor; a place (or the floor) */
  branch: z.enum(['above', 'capped', 'below', 'belowFloor', 'place', 'placeFloor']).nullable(),
  target: exactNumberSchema.nullable(), // the whole-period target
  prorated: z.boolean(), // the target is pro-rated by 序时进度
  progress: exactNumberSchema, // 序时进度 applied: e.g. "2/3"; 1 when not pro-rated
  progressPct: z.number(), // one decimal: 66.7
  proratedTarget: exactNumberSchema.nullable(),
  actual: exactNumberSchema.nullable(), // cumulative from the period's first month
  rate: exactNumberSchema.nullable(), // completion rate, %
  ratePct: z.number().nullable(), // as the ranking shows it: 2 decimals
  points: exactNumberSchema.nullable(),
  pointsShown: z.number().nullable(), // as the ranking shows it: 2 decimals
  place: z.number().int().nullable(), // rankPoints: the place by completion rate
  placesOf: z.number().int(), // how many units have a rate on this indicator
  remainingToTargetWan: amountString.nullable(), // full-period target − actual, 0 when reached
  toNextRankWan: amountString.nullable(),
  nextRank: z.number().int().nullable(), // the rank reached by adding toNextRankWan
  toNextRankBlocked: outlookBlockSchema.nullable(),
  toAwardWan: amountString.nullable(),
  awardRank: z.number().int().nullable(), // the rank at which toAwardWan is paid
  awardWan: z.number().int().nullable(), // and the award it then receives (万元)
  toAwardBlocked: outlookBlockSchema.nullable(),
});
export type OutlookIndicator = z.infer<typeof outlookIndicatorSchema>;

export const outlookSchema = z.object({
  policyId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  month: z.number().int().nullable(),
  revision: z.number().int(),
  timeProgress: z.number(), // %, one decimal
  rank: z.number().int().nullable(),
  tied: z.boolean(),
  award: z.number().int(),
  unpaid: z.enum(['below_min_score', 'indicator_incomplete']).nullable(),
  disqualified: z.object({ reason: z.string() }).nullable(),
  missing: z.array(z.string()),
  rankedCount: z.number().int(),
  /** the score: the exact sum of the points, rounded once as the policy says */
  score: z.object({
    exact: exactNumberSchema.nullable(),
    published: z.number().nullable(),
    decimals: z.number().int(),
    pointsShownSum: z.number().nullable(), // the shown points added up (may differ by 0.01 from published)
  }),
  indicators: z.array(outlookIndicatorSchema),
});
export type Outlook = z.infer<typeof outlookSchema>;
export const outlookQuerySchema = rankingQuerySchema;

// ── industries ──────────────────────────────────────────────────────────────────────────
export const industryStatusSchema = z.enum(['met', 'not_met', 'on_track', 'behind', 'no_target', 'no_data']);
export type IndustryStatus = z.infer<typeof industryStatusSchema>;
export const industryRowSchema = z.object({
  industryId: z.string(),
  name: z.string(),
  shortName: z.string(),
  target: z
    .union([
      z.object({ kind: z.literal('growthAtLeast'), pct: z.number() }),
      z.object({ kind: z.literal('declineNarrowing'), mode: z.literal('eachMonth') }),
      z.object({ kind: z.literal('declineNarrowing'), mode: z.literal('vsMonth'), month: z.number().int() }),
    ])
    .nullable(),
  targetText: z.string(),
  series: z.array(
    z.object({
      month: z.number().int(),
      growth: z.number().nullable(), // %, 2 decimals
      computed: z.boolean(), // true when not a reported (comparable) rate
      output: z.number().nullable(),
      outputLastYear: z.number().nullable(),
    }),
  ),
  latest: z.object({ month: z.number().int(), growth: z.number() }).nullable(),
  status: industryStatusSchema,
});
export type IndustryRow = z.infer<typeof industryRowSchema>;
export const industriesSchema = z.object({
  policyId: z.string(),
  revision: z.number().int(),
  windowFromMonth: z.number().int(),
  windowToMonth: z.number().int(),
  rows: z.array(industryRowSchema),
});
export type Industries = z.infer<typeof industriesSchema>;

// ── subsidies ───────────────────────────────────────────────────────────────────────────
export const ineligibilityReasonSchema = z.enum([
  'not_above_size',
  'date_outside_window',
  'joint_punishment',
  'missing_declaration',
  'kind_not_in_policy', // the application's kind is not one this policy pays
]);
export type IneligibilityReason = z.infer<typeof ineligibilityReasonSchema>;
export const yuanString = z.string().regex(/^-?\d+\.\d{2}$/, 'yuan to the fen, e.g. "237000.00"');

export const applicationSchema = z.object({
  applicationId: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  aboveSize: z.boolean().nullable(),
  kind: subsidyKindSchema,
  item: z.string(),
  date: z.string().nullable(),
  costYuan: yuanString,
  certType: z.string().nullable(),
  declaration: z.boolean().nullable(),
  eligible: z.boolean(),
  reasons: z.array(ineligibilityReasonSchema),
});
export type Application = z.infer<typeof applicationSchema>;
export const grantSchema = z.object({
  creditCode: z.string(),
  enterpriseName: z.string(),
  kind: subsidyKindSchema,
  applicationIds: z.array(z.string()),
  eligibleCostYuan: yuanString,
  capWan: z.number().int(),
  computedWan: z.number().int(),
  grantedWan: z.number().int(),
});
export type Grant = z.infer<typeof grantSchema>;
export const subsidiesSchema = z.object({
  policyId: z.string(),
  revision: z.number().int(),
  applications: z.array(applicationSchema),
  grants: z.array(grantSchema),
  totals: z.object({ computedWan: z.number().int(), grantedWan: z.number().int() }),
  factor: z.number(), // 1 when within budget; 6 decimals, half-up — the exact value is factorFraction
  factorFraction: z.string(), // the exact factor in lowest terms: "41/80"; "1" when within budget
  factorText: z.string(), // the factor to 4 decimals, half-up, for people: "0.5125"
});
export type Subsidies = z.infer<typeof subsidiesSchema>;

// ── awards ──────────────────────────────────────────────────────────────────────────────
export const budgetSummarySchema = z.object({
  totalWan: z.number().int().nullable(),
  countyWan: z.number().int(),
  subsidiesWan: z.number().int(),
  paidWan: z.number().int(),
  remainingWan: z.number().int().nullable(), // below 0 only when overBudget
  factor: z.number(), // 6 decimals, half-up; the exact value is factorFraction
  scaled: z.boolean(),
  // Added in release 2, with defaults so award snapshots frozen before still parse:
  factorFraction: z.string().nullable().default(null), // exact, lowest terms: "41/80"; "1" when not scaled
  factorText: z.string().nullable().default(null), // 4 decimals, half-up: "0.5125"
  overBudget: z.boolean().default(false), // the county awards alone exceed the budget total: an error
  shortfallWan: z.number().int().nullable().default(null), // by how much, when overBudget
});
export type BudgetSummary = z.infer<typeof budgetSummarySchema>;
/** A unit the period's last month is missing for (shared/src/completeness.ts). */
export const periodGapSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  month: z.number().int(),
  missing: z.array(z.string()), // e.g. "output.actual", "investment.target"
});
export type PeriodGapItem = z.infer<typeof periodGapSchema>;
/** POST …/finalize: a leader may finalize an incomplete period only with a written reason. */
export const finalizeBodySchema = z
  .object({ override: z.object({ reason: z.string().trim().min(4, requestMessages.overrideReason.zh).max(1000) }).optional() })
  .nullish(); // no body at all: a plain finalize
/** 409 period_incomplete: the error, and every unit and month missing. */
export const periodIncompleteSchema = errorResponseSchema.extend({ incomplete: z.array(periodGapSchema).optional() });

// Without previousRank: award snapshots frozen before it existed must still parse.
export const countyAwardRowSchema = unitRankRowSchema;
export const awardsSchema = z.object({
  policyId: z.string(),
  title: z.string(),
  draft: z.boolean(),
  // 示例: an example policy, not an official text (absent in snapshots frozen before release 2)
  example: z.boolean().default(false),
  month: z.number().int().nullable(),
  timeProgress: z.number(),
  revision: z.number().int(),
  final: z.boolean(),
  finalizedAt: z.string().nullable(),
  finalizedBy: z.string().nullable(),
  revisedAfterFinalization: z.boolean(),
  county: z.array(countyAwardRowSchema),
  grants: z.array(grantSchema),
  budget: budgetSummarySchema,
  // Finalized although the period's last month was missing: the leader's written reason and what
  // was missing. Null when complete, and in snapshots frozen before release 2.
  incompleteOverride: z
    .object({ reason: z.string(), by: z.string(), at: z.string(), gaps: z.array(periodGapSchema) })
    .nullable()
    .default(null),
});
export type Awards = z.infer<typeof awardsSchema>;
export const budgetBodySchema = z.object({ totalWan: z.number().int().nonnegative().nullable() });
/**
 * GET …/budget: the budget total in force now — what the admin set, else the policy file's — for the
 * form that changes it. A finalized award table keeps the total it was frozen with; this does not.
 */
export const budgetSettingSchema = z.object({
  policyId: z.string(),
  totalWan: z.number().int().nullable(), // in force now; null: none set
  source: z.enum(['admin', 'policy', 'none']), // set by an admin, the policy file's own, or none
  policyTotalWan: z.number().int().nullable(), // the policy file's setting (PUT null returns to it)
});
export type BudgetSetting = z.infer<typeof budgetSettingSchema>;
export const disqualificationBodySchema = z.object({ reason: z.string().trim().min(2).max(500) });

// ── uploads ─────────────────────────────────────────────────────────────────────────────
export const uploadKindSchema = z.enum([
  'unit-targets',
  'unit-actuals',
  'industry-output',
  'subsidy-applications',
  'credit-blacklist',
]);
export type UploadKind = z.infer<typeof uploadKindSchema>;

export const uploadErrorSchema = z.object({
  sheet: z.string(),
  row: z.number().int().nullable(), // the spreadsheet's own row number (1-based)
  column: z.string().nullable(), // the header as written in the file
  value: z.string().nullable(),
  message: z.string(), // Chinese, says what was expected
  code: z.string(), // stable English code
});
export type UploadError = z.infer<typeof uploadErrorSchema>;
export const uploadWarningSchema = uploadErrorSchema;
export type UploadWarning = z.infer<typeof uploadWarningSchema>;

export const uploadChangeSchema = z.object({
  key: z.string(), // e.g. "450202/8/output"
  label: z.string(), // e.g. "城中区 · 8月 · 规上工业总产值"
  old: z.string().nullable(),
  new: z.string().nullable(),
  change: z.enum(['added', 'changed', 'unchanged']),
});
export type UploadChange = z.infer<typeof uploadChangeSchema>;

export const batchSchema = z.object({
  batchId: z.number().int(),
  policyId: z.string(),
  kind: uploadKindSchema,
  fileName: z.string(),
  sha256: z.string(),
  rows: z.number().int(),
  keys: z.number().int(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  revertedAt: z.string().nullable(),
  revertedBy: z.string().nullable(),
  // GET /api/uploads?unitId=: how many of this batch's figures belong to that unit; null unfiltered
  unitKeys: z.number().int().nullable(),
  // …and which of them a later batch still in force has replaced (keys as in shared/src/keys.ts)
  unitSupersededKeys: z.array(z.string()).nullable(),
});
export type Batch = z.infer<typeof batchSchema>;

export const uploadResultSchema = z.object({
  dryRun: z.boolean(),
  duplicate: z.boolean(), // the same file was committed before: nothing to do
  batch: batchSchema.nullable(),
  kind: uploadKindSchema,
  fileName: z.string(),
  sha256: z.string(),
  rowsRead: z.number().int(),
  summary: z.object({ added: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
  changes: z.array(uploadChangeSchema), // at most the first 1,000; summary counts them all
  warnings: z.array(uploadWarningSchema),
});
export type UploadResult = z.infer<typeof uploadResultSchema>;
export const invalidUploadSchema = z.object({
  code: z.literal('invalid_upload'),
  message: z.string(),
  errors: z.array(uploadErrorSchema),
});
export const uploadsQuerySchema = z.object({
  policyId: z.string().optional(),
  // only the batches holding a figure of this unit (needs policyId); unknown unit → 404
  unitId: z.string().min(1).max(100).optional(),
});
export const batchesSchema = z.object({ batches: z.array(batchSchema) });

// ── policies, events, audit ─────────────────────────────────────────────────────────────
/** How a policy shows (SPEC §13): 征求意见稿 / 正式, 已过有效期 after validUntil, 已定稿 once finalized. */
export const policySummarySchema = z.object({
  policyId: z.string(),
  title: z.string(),
  titleEn: z.string(),
  status: policyStatusSchema,
  example: z.boolean(), // 示例: not an official text
  periodLabel: z.string(),
  periodLabelEn: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  validUntil: z.string(),
  expired: z.boolean(), // today (server clock, China time) is after validUntil
  final: z.boolean(),
  revision: z.number().int(),
});
export type PolicySummary = z.infer<typeof policySummarySchema>;
export const policiesSchema = z.object({
  // the policy a link without ?policy= means: the newest in force, else the newest (SPEC §13)
  defaultPolicyId: z.string(),
  policies: z.array(policySummarySchema),
});

/**
 * The names of a policy's units and industries (GET /api/policies/:policyId/registry): Chinese,
 * short, English and short English, so pages show "柳东新区 Liudong New Area" in English (SPEC §16)
 * and phone charts the short names.
 */
const registryNames = {
  name: z.string(),
  shortName: z.string(),
  nameEn: z.string(),
  shortNameEn: z.string(),
};
export const registryNamesSchema = z.object({
  registryId: z.string(),
  units: z.array(z.object({ unitId: z.string(), ...registryNames })),
  industries: z.array(z.object({ industryId: z.string(), ...registryNames })),
});
export type RegistryNames = z.infer<typeof registryNamesSchema>;

// ── display links (SPEC §16) ────────────────────────────────────────────────────────────
/** A meeting room's wall-screen link: one policy, read-only, no session limits, revocable. */
export const displayLinkSchema = z.object({
  linkId: z.number().int(),
  policyId: z.string(),
  label: z.string(), // where it hangs, e.g. 三楼会议室
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
  lastSeenAt: z.string().nullable(), // to the minute: the screen's last request or heartbeat
  connected: z.number().int(), // wall screens holding a live stream on it now
});
export type DisplayLink = z.infer<typeof displayLinkSchema>;
export const displayLinksSchema = z.object({ links: z.array(displayLinkSchema) });
export const createDisplayLinkBodySchema = z.object({
  policyId: z.string().min(1).max(100),
  label: z.string().trim().min(1).max(60),
});
/** The answer to creating one: the token, shown this once (only its hash is kept), and the path to open. */
export const createdDisplayLinkSchema = z.object({ link: displayLinkSchema, token: z.string(), path: z.string() });
export const displaySessionBodySchema = z.object({ token: z.string().min(20).max(200) });
/** What a wall screen opened by a display link knows about itself. */
export const displaySessionSchema = z.object({ linkId: z.number().int(), policyId: z.string(), label: z.string() });
export type DisplaySession = z.infer<typeof displaySessionSchema>;

export const changeEventSchema = z.object({
  policyId: z.string(),
  revision: z.number().int(),
  kind: z.string(), // upload kind, or "revert", "disqualification", "budget", "finalize"
});
export type ChangeEvent = z.infer<typeof changeEventSchema>;

export const auditEntrySchema = z.object({
  auditId: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export const auditSchema = z.object({ entries: z.array(auditEntrySchema) });

// ── scenarios (SPEC §14) ────────────────────────────────────────────────────────────────
/**
 * A rule tried on the stored figures. `policy` is a whole policy document as GET
 * /api/policies/:policyId returns it, with any settings changed; the server validates it itself
 * (422 `invalid_policy` with the path and reason of each problem), so it is typed loosely here.
 */
export const scenarioEvaluateBodySchema = z.object({
  policy: z
    .record(z.string(), z.unknown())
    .describe('a whole policy document, as GET /api/policies/:policyId returns it, with any settings changed'),
  month: z.number().int().min(1).max(12).optional().describe('the as-of month; default: the latest month with data'),
});
export type ScenarioEvaluateBody = z.infer<typeof scenarioEvaluateBodySchema>;

/** A unit whose rank, published score or award differs between the policy and the scenario. */
export const scenarioChangeSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  rankBefore: z.number().int().nullable(),
  rankAfter: z.number().int().nullable(),
  scoreBefore: z.number().nullable(),
  scoreAfter: z.number().nullable(),
  awardBefore: z.number().int(), // 万元
  awardAfter: z.number().int(),
});
export type ScenarioChange = z.infer<typeof scenarioChangeSchema>;

/** County awards, subsidies and budget of one side of a comparison (SPEC §6, §7). */
export const scenarioMoneySchema = budgetSummarySchema.extend({
  subsidiesComputedWan: z.number().int(), // grants before the budget scaling
});
export type ScenarioMoney = z.infer<typeof scenarioMoneySchema>;

/** One setting that differs: its path in the policy document, and the two values. */
export const settingChangeSchema = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
export type SettingChange = z.infer<typeof settingChangeSchema>;

export const scenarioEvaluationSchema = z.object({
  policyId: z.string(), // the policy whose stored figures were ranked
  month: z.number().int().nullable(),
  // GET …/ranking of the policy as stored
  base: rankingSchema,
  // the same figures, month and 一票否决 under the scenario; previousRank and previousRevision are
  // null (a scenario has no history) and final is false (a scenario is never final)
  scenario: rankingSchema,
  changes: z.array(scenarioChangeSchema), // [] when nothing differs
  totals: z.object({ before: scenarioMoneySchema, after: scenarioMoneySchema }),
  settings: z.array(settingChangeSchema), // what the scenario changes in the document
});
export type ScenarioEvaluation = z.infer<typeof scenarioEvaluationSchema>;

export const scenarioSaveBodySchema = scenarioEvaluateBodySchema.extend({
  name: z.string().trim().min(1, requestMessages.scenarioName.zh).max(100, requestMessages.scenarioNameLength.zh),
});
export const savedScenarioSummarySchema = z.object({
  scenarioId: z.number().int(),
  policyId: z.string(),
  name: z.string(),
  month: z.number().int().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  settings: z.array(settingChangeSchema), // against the policy as it is now
});
export type SavedScenarioSummary = z.infer<typeof savedScenarioSummarySchema>;
export const savedScenariosSchema = z.object({ scenarios: z.array(savedScenarioSummarySchema) });
export const savedScenarioSchema = savedScenarioSummarySchema.extend({ policy: z.unknown() });
export type SavedScenario = z.infer<typeof savedScenarioSchema>;

/** Adopt a saved scenario as a new draft policy (admin). */
export const adoptScenarioBodySchema = z.object({
  fromPolicyId: z.string().min(1).max(100),
  scenarioId: z.number().int().positive(),
  id: z.string().regex(/^[a-z0-9-]{3,64}$/, requestMessages.policyId.zh),
  title: z.string().trim().min(1, requestMessages.title.zh).max(200),
  titleEn: z.string().trim().min(1).max(200).optional(),
});

/** How a standard scenario differs from the policy (shared/src/scenarioSet.ts). */
export const scenarioVariationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('weight'), from: z.string(), to: z.string(), points: z.number() }),
  z.object({ kind: z.literal('bonus'), bonusPerPoint: z.number(), bonusCap: z.number() }),
  z.object({ kind: z.literal('step'), indicatorId: z.string(), stepPoints: z.number() }),
]);
export type ScenarioVariation = z.infer<typeof scenarioVariationSchema>;

export const stabilitySchema = z.object({
  policyId: z.string(),
  month: z.number().int().nullable(),
  revision: z.number().int(),
  scenarios: z.array(
    z.object({
      key: z.string(), // "base", a standard key such as "bonus:1/cap:10", or "saved:<scenarioId>"
      source: z.enum(['base', 'standard', 'saved']),
      variation: scenarioVariationSchema.nullable(),
      scenarioId: z.number().int().nullable(),
      name: z.string().nullable(),
    }),
  ),
  // saved scenarios that no longer validate against the policy (e.g. its registry changed)
  skipped: z.array(z.object({ scenarioId: z.number().int(), name: z.string(), reason: z.string() })),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      rank: z.number().int().nullable(), // under the policy as it is
      best: z.number().int().nullable(), // null: ranked under no scenario
      worst: z.number().int().nullable(),
      bestKey: z.string().nullable(), // the first scenario that gives the best rank
      worstKey: z.string().nullable(),
    }),
  ),
});
export type Stability = z.infer<typeof stabilitySchema>;
