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

export const healthSchema = z.object({ status: z.literal('ok') });

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
  factor: z.number(), // 1 when within budget
});
export type Subsidies = z.infer<typeof subsidiesSchema>;

// ── awards ──────────────────────────────────────────────────────────────────────────────
export const budgetSummarySchema = z.object({
  totalWan: z.number().int().nullable(),
  countyWan: z.number().int(),
  subsidiesWan: z.number().int(),
  paidWan: z.number().int(),
  remainingWan: z.number().int().nullable(),
  factor: z.number(),
  scaled: z.boolean(),
});
export type BudgetSummary = z.infer<typeof budgetSummarySchema>;
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
});
export type Awards = z.infer<typeof awardsSchema>;
export const budgetBodySchema = z.object({ totalWan: z.number().int().nonnegative().nullable() });
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
