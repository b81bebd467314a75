import type { Lang } from './lang';

/** A message in both languages; the error handler picks one by the request's language. */
export interface Localized {
  zh: string;
  en: string;
}
type Param = string | number | Localized;
export type Params = Record<string, Param>;

/**
 * Every message the server says to a person outside the upload reader (whose own catalog is
 * ingest's), keyed by id, in Chinese and English with {name} placeholders. The id is the error's
 * `code` where one code has one wording, `code.variant` where a code has several.
 */
const catalog = {
  // access (SPEC §10)
  unauthenticated: ['请先登录', 'Please sign in'],
  'unauthenticated.expired': ['请先登录（会话不存在或已过期）', 'Please sign in (no session, or it has expired)'],
  forbidden: ['权限不足：此操作需要“{role}”及以上角色', 'Not permitted: this needs the role "{role}" or higher'],
  'role.viewer': ['查看', 'viewer'],
  'role.statistician': ['统计人员', 'statistician'],
  'role.leader': ['领导', 'leader'],
  'role.admin': ['管理员', 'admin'],
  cross_site_request: ['拒绝跨站请求：此操作只能从本系统的页面发起', 'Cross-site request refused: this can only be done from the dashboard itself'],
  invalid_credentials: ['用户名或密码不正确', 'Wrong username or password'],
  too_many_login_attempts: ['登录失败次数过多，请在 {minutes} 分钟后再试', 'Too many failed sign-ins; try again in {minutes} minutes'],
  // display links (SPEC §16)
  display_not_found: ['显示链接无效或已撤销', 'This display link is not valid or has been revoked'],
  display_revoked: ['显示链接已撤销', 'This display link has been revoked'],
  display_scope: ['显示链接只能查看它所属政策的大屏', 'A display link shows only the wall screen of its own policy'],
  display_link_not_found: ['找不到显示链接 {linkId}', 'No display link {linkId}'],
  display_link_revoked: ['显示链接 {linkId} 已于此前撤销', 'Display link {linkId} was revoked before'],
  // requests the framework refuses
  not_found: ['找不到 {method} {path}', 'Not found: {method} {path}'],
  url_too_long: ['请求地址过长：路径中的参数超过了允许的长度', 'URL too long: a path parameter is longer than allowed'],
  bad_url: ['请求地址不正确：路径中含有无效的百分号编码（%）', 'Bad URL: the path holds an invalid percent-encoding (%)'],
  invalid_request: ['请求参数不正确：{details}', 'Invalid request: {details}'],
  'invalid_request.proto': ['请求中含有不允许的字段名', 'The request holds a field name that is not allowed'],
  'invalid_request.json': ['请求内容不是有效的 JSON', 'The request body is not valid JSON'],
  file_too_large: ['文件过大：单个文件不得超过 20 MiB', 'File too large: at most 20 MiB a file'],
  request_too_large: ['请求内容过大：JSON 请求不得超过 1 MiB，未处理任何内容（上传文件请用 multipart/form-data）', 'Request too large: a JSON request is at most 1 MiB (upload files as multipart/form-data)'],
  too_many_parts: ['上传内容过多：一次只能上传一个文件，并附字段 kind、policyId', 'Too many parts: upload one file at a time, with the fields kind and policyId'],
  incomplete_upload: ['上传未完成：连接在文件传完之前中断，请重新上传', 'Upload incomplete: the connection broke before the file arrived; upload it again'],
  unsupported_media_type: ['请求格式不支持，请检查 Content-Type', 'Unsupported request format; check the Content-Type'],
  'unsupported_media_type.upload': ['请以 multipart/form-data 上传文件（字段 kind、policyId、file）', 'Upload files as multipart/form-data (fields kind, policyId, file)'],
  rate_limited: ['请求过于频繁，请稍后再试', 'Too many requests; try again later'],
  bad_request: ['请求无法处理：{reason}', 'The request cannot be handled: {reason}'],
  internal_error: ['服务器内部错误，请稍后重试或联系管理员', 'Internal server error; try again later or contact the administrator'],
  // uploads (the route and batches; the reader's own errors are ingest's)
  too_many_files: ['一次只能上传一个文件', 'Upload one file at a time'],
  invalid_multipart: [
    '上传内容不完整或格式不正确，请重新选择文件上传（multipart/form-data：kind、policyId、file）',
    'The upload is incomplete or malformed; choose the file and upload it again (multipart/form-data: kind, policyId, file)',
  ],
  file_missing: ['缺少文件', 'No file'],
  batch_not_found: ['找不到上传批次 {batchId}', 'No upload batch {batchId}'],
  already_reverted: ['批次 {batchId} 已于此前撤销', 'Batch {batchId} was reverted before'],
  policy_required: ['按单位筛选批次时须同时指定政策（policyId）', 'Filtering batches by unit needs the policy too (policyId)'],
  // policies, units, awards
  policy_not_found: ['找不到政策文件“{policyId}”', 'No policy file "{policyId}"'],
  policy_exists: ['政策编号“{policyId}”已被使用，请换一个编号', 'The policy id "{policyId}" is taken; choose another'],
  // scenarios (SPEC §14)
  invalid_policy: ['方案设置有 {count} 处问题，未作计算：{list}', 'The draft has {count} problems and was not evaluated: {list}'],
  scenario_not_adoptable: ['方案已不再适用于该政策，未采纳：{list}', 'The scenario no longer fits this policy and was not adopted: {list}'],
  scenario_not_found: ['找不到方案 {scenarioId}（政策“{policyId}”）', 'No scenario {scenarioId} (policy "{policyId}")'],
  scenario_deleted: ['方案 {scenarioId} 已被删除', 'Scenario {scenarioId} was deleted'],
  too_many_scenarios: ['每个政策最多保存 {max} 个方案，请先删除不再需要的方案', 'At most {max} scenarios can be saved for a policy; delete one you no longer need'],
  // operations (SPEC §18)
  webhook_not_found: ['找不到通知目标 {webhookId}', 'No notification target {webhookId}'],
  backups_off: ['未配置定时备份（BACKUP_DIR）；可用 npm run backup -- <文件> 手动备份', 'Scheduled backups are not set up (BACKUP_DIR); back up by hand with npm run backup -- <file>'],
  unit_not_found: ['考核单位“{unitId}”不在该政策的考核名单中', 'Unit "{unitId}" is not assessed under this policy'],
  not_disqualified: ['{unit}未被一票否决', '{unit} is not disqualified'],
  invalid_month: ['月份 {month} 不在考核期内（可选：{months}）', 'Month {month} is not in the period (choose from {months})'],
  already_final: ['该考核期的奖励表已定稿，不能重复定稿', 'The award table of this period is final already'],
  no_data: ['尚无任何实际数据，不能定稿', 'No actual figures yet: nothing to finalize'],
  period_incomplete: [
    '考核期数据不完整：{count} 个单位缺少 {month}月（考核期最后一个月）的数据，暂不能定稿。请待数据齐全后定稿；如确需现在定稿，请由领导填写理由后强制定稿。',
    'The period is incomplete: {count} units lack figures for month {month} (the last month of the period), so it cannot be finalized yet. Finalize once the figures are in; if it must be done now, a leader can override with a written reason.',
  ],
  // users and passwords (issue 6)
  user_exists: ['用户名“{username}”已存在', 'The username "{username}" is taken'],
  user_not_found: ['找不到用户“{username}”', 'No user "{username}"'],
  last_admin: ['至少需要保留一个启用的管理员账号', 'At least one active admin account must remain'],
  weak_password: ['密码不符合要求：{problems}', 'The password does not meet the rules: {problems}'],
  password_too_short: ['密码至少需要 {min} 个字符', 'A password needs at least {min} characters'],
  password_too_long: ['密码不能超过 {max} 个字符', 'A password can have at most {max} characters'],
  password_letters_digits: ['密码须同时包含字母和数字', 'A password needs both letters and digits'],
  password_has_username: ['密码不能包含用户名', 'A password cannot contain the username'],
  password_common: ['密码过于常见，容易被猜中，请换一个', 'This password is too common and easy to guess; choose another'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

export type MessageId = keyof typeof catalog;

const fill = (template: string, params: Params, lang: Lang): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });

/** A message of the catalog with its params filled in, in both languages. */
export function msg(id: MessageId, params: Params = {}): Localized {
  const [zh, en] = catalog[id];
  return { zh: fill(zh, params, 'zh'), en: fill(en, params, 'en') };
}

/** A list in each language's own way: 7、8、9 / 7, 8, 9. */
export function list(items: readonly (string | number | Localized)[]): Localized {
  const word = (i: string | number | Localized, lang: Lang) => (typeof i === 'object' ? i[lang] : String(i));
  return { zh: items.map((i) => word(i, 'zh')).join('、'), en: items.map((i) => word(i, 'en')).join(', ') };
}

/** Sentences joined: Chinese with "；", English with "; ". */
export function sentences(items: readonly Localized[]): Localized {
  return { zh: items.map((i) => i.zh).join('；'), en: items.map((i) => i.en).join('; ') };
}

export const inLang = (text: string | Localized, lang: Lang): string => (typeof text === 'string' ? text : text[lang]);

/** Every message id, for the test that each one has both languages. */
export const messageIds = Object.keys(catalog) as MessageId[];

/**
 * Messages written into zod schemas (shared/ and routes) are Chinese strings, because a schema is
 * built once for every request. Each registers its English here, and the validator swaps it in
 * for an English request.
 */
const schemaEnglish = new Map<string, string>();
export function schemaMessage(text: Localized): string {
  schemaEnglish.set(text.zh, text.en);
  return text.zh;
}
export const englishOfSchemaMessage = (zh: string): string | undefined => schemaEnglish.get(zh);
