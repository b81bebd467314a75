import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorResponseSchema } from '@scoreboard/shared';
import { languageOf, requestLang } from '../../server/src/i18n/lang';
import { messageIds, msg } from '../../server/src/i18n/messages';
import { buildTestApp, POLICY_ID, type TestApp } from '../helpers/app';

const HAN = /\p{Script=Han}/u;
const EN = { 'accept-language': 'en-US,en;q=0.9' };

describe('which language a request is answered in (SPEC §16)', () => {
  it('Accept-Language en… → English; zh, other languages or none → Chinese', () => {
    expect(languageOf('en')).toBe('en');
    expect(languageOf('en-GB,en;q=0.9,zh-CN;q=0.5')).toBe('en');
    expect(languageOf('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(languageOf('fr-FR')).toBe('zh');
    expect(languageOf(undefined)).toBe('zh');
  });

  it('an explicit ?lang= wins over the header (a download link cannot set one)', () => {
    expect(requestLang({ url: '/api/x?lang=en', headers: { 'accept-language': 'zh-CN' } })).toBe('en');
    expect(requestLang({ url: '/api/x?a=1&lang=zh-CN', headers: EN })).toBe('zh');
    expect(requestLang({ url: '/api/x?lang=fr', headers: EN })).toBe('en');
  });

  it('every message of the catalog has both languages, and the English one is English', () => {
    for (const id of messageIds) {
      const { zh, en } = msg(id, { role: 'x', minutes: 15, policyId: 'p', unitId: 'u', unit: 'u', month: 7, months: '7', batchId: 1, username: 'u', min: 10, max: 256, problems: 'p', details: 'd', reason: 'r', method: 'GET', path: '/', linkId: 1, count: 3, list: 'l', scenarioId: 2, webhookId: 4 });
      expect(zh, id).toMatch(HAN);
      expect(en, id).not.toMatch(HAN);
      expect(en, id).not.toMatch(/\{\w+\}/);
    }
  });
});

let t: TestApp;
let viewer: { cookie: string };
let admin: { cookie: string };
beforeAll(async () => {
  t = await buildTestApp({ demoData: true });
  viewer = await t.login('viewer');
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.close();
});

const message = (body: unknown) => errorResponseSchema.parse(body).message;

describe('server messages follow the request language', () => {
  it('401 and 403: Chinese by default, English under Accept-Language: en', async () => {
    const zh = await t.app.inject({ url: `/api/policies/${POLICY_ID}/ranking` });
    expect(zh.statusCode).toBe(401);
    expect(message(zh.json())).toBe('请先登录（会话不存在或已过期）');
    const en = await t.app.inject({ url: `/api/policies/${POLICY_ID}/ranking`, headers: EN });
    expect(en.json()).toEqual({ code: 'unauthenticated', message: 'Please sign in (no session, or it has expired)' });

    const forbidden = await t.app.inject({ url: '/api/users', headers: { ...viewer, ...EN } });
    expect(forbidden.statusCode).toBe(403);
    expect(message(forbidden.json())).toBe('Not permitted: this needs the role "admin" or higher');
  });

  it('404 and 400 with their parameters: the policy id, the months of the period', async () => {
    const missing = await t.app.inject({ url: '/api/policies/no-such-policy/ranking', headers: { ...viewer, ...EN } });
    expect(missing.json()).toEqual({ code: 'policy_not_found', message: 'No policy file "no-such-policy"' });
    const month = await t.app.inject({ url: `/api/policies/${POLICY_ID}/ranking?month=3`, headers: { ...viewer, ...EN } });
    expect(month.json()).toEqual({ code: 'invalid_month', message: 'Month 3 is not in the period (choose from 7, 8, 9)' });
    const monthZh = await t.app.inject({ url: `/api/policies/${POLICY_ID}/ranking?month=3`, headers: viewer });
    expect(message(monthZh.json())).toBe('月份 3 不在考核期内（可选：7、8、9）');
    const page = await t.app.inject({ url: '/api/nothing-here', headers: EN });
    expect(page.json()).toEqual({ code: 'not_found', message: 'Not found: GET /api/nothing-here' });
  });

  it('request validation: zod\'s own words and the schema\'s own messages, in English', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { ...admin, ...EN },
      payload: { username: 'X', displayName: '', role: 'chief', password: 'river-stone-42' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; message: string; details: { path: string; message: string }[] }>();
    expect(body.code).toBe('invalid_request');
    expect(body.message).toMatch(/^Invalid request: /);
    const byPath = Object.fromEntries(body.details.map((d) => [d.path, d.message]));
    expect(byPath.username).toBe('A username is 3–32 lower-case letters, digits or _ . -, starting with a letter');
    expect(Object.keys(byPath).sort()).toEqual(['displayName', 'role', 'username']);
    for (const d of body.details) expect(d.message, d.path).not.toMatch(HAN);

    const zh = await t.app.inject({ method: 'POST', url: '/api/users', headers: admin, payload: { username: 'X', displayName: 'x', role: 'viewer', password: 'river-stone-42' } });
    expect(zh.json<{ details: { message: string }[] }>().details[0]!.message).toBe('用户名须为 3–32 位小写字母、数字或 _ . -，并以字母开头');
  });

  it('the password policy names every broken rule in English', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/users', headers: { ...admin, ...EN }, payload: { username: 'abcdef', displayName: 'x', role: 'viewer', password: 'abcdef-abcdef' } });
    expect(res.json()).toEqual({
      code: 'weak_password',
      message: 'The password does not meet the rules: A password needs both letters and digits; A password cannot contain the username',
      details: [
        { path: 'password', message: 'A password needs both letters and digits' },
        { path: 'password', message: 'A password cannot contain the username' },
      ],
    });
    const short = await t.app.inject({ method: 'PATCH', url: '/api/users/viewer', headers: { ...admin, ...EN }, payload: { password: 'short1' } });
    expect(short.json()).toMatchObject({ code: 'invalid_request', details: [{ path: 'password', message: 'A password needs at least 10 characters' }] });
  });

  it('a wrong password and a cross-site write, in English', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/session', headers: EN, payload: { username: 'viewer', password: 'wrong-password-1' } });
    expect(login.json()).toEqual({ code: 'invalid_credentials', message: 'Wrong username or password' });
    const cross = await t.app.inject({ method: 'PUT', url: `/api/policies/${POLICY_ID}/budget`, headers: { ...admin, ...EN, origin: 'https://evil.example' }, payload: { totalWan: 1 } });
    expect(message(cross.json())).toBe('Cross-site request refused: this can only be done from the dashboard itself');
  });
});

describe('awards.xlsx headers follow the language', () => {
  async function headerRow(url: string, headers: Record<string, string>): Promise<unknown[]> {
    const res = await t.app.inject({ url, headers });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    return (wb.getWorksheet('县区奖励')!.getRow(3).values as unknown[]).slice(1);
  }

  it('Chinese by default; English with ?lang=en or Accept-Language: en, every indicator by its English name', async () => {
    const zh = await headerRow(`/api/policies/${POLICY_ID}/awards.xlsx`, viewer);
    expect(zh.slice(0, 4)).toEqual(['名次', '单位', '综合评分', '规上工业总产值目标（万元）']);
    const en = await headerRow(`/api/policies/${POLICY_ID}/awards.xlsx?lang=en`, viewer);
    expect(en).toEqual(await headerRow(`/api/policies/${POLICY_ID}/awards.xlsx`, { ...viewer, ...EN }));
    expect(en.slice(0, 4)).toEqual(['Rank', 'Unit', 'Score', 'Above-size industrial output target (10k yuan)']);
    expect(en.at(-2)).toBe('Award (10k yuan)');
    expect(en.length).toBe(zh.length);
    for (const h of en) expect(String(h)).not.toMatch(HAN);
  });
});

describe('GET /api/policies/:policyId/registry', () => {
  it('names the policy\'s units and industries in Chinese, short, English and short English', async () => {
    const res = await t.app.inject({ url: `/api/policies/${POLICY_ID}/registry`, headers: viewer });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ units: { unitId: string }[]; industries: { industryId: string }[] }>();
    expect(body.units).toHaveLength(12);
    expect(body.units).toContainEqual({ unitId: 'LZ-LD', name: '柳东新区', shortName: '柳东', nameEn: 'Liudong New Area', shortNameEn: 'Liudong' });
    expect(body.industries).toContainEqual({ industryId: 'low-altitude', name: '低空经济产业', shortName: '低空经济', nameEn: 'Low-altitude economy', shortNameEn: 'Low-altitude' });
    expect((await t.app.inject({ url: `/api/policies/${POLICY_ID}/registry` })).statusCode).toBe(401);
  });
});

