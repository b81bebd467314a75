import { ADMIN } from './browser';

/** Direct API calls for seeding test data (users, files), as scripts of other systems would. */
const cookies = new Map<string, Promise<string>>();

/** The session cookie of a user, signed in once per test file (login is rate-limited, 10 a minute). */
export function apiLogin(baseUrl: string, who = ADMIN): Promise<string> {
  const key = `${baseUrl}|${who.username}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = signIn(baseUrl, who);
    cookies.set(key, cookie);
    cookie.catch(() => cookies.delete(key));
  }
  return cookie;
}

async function signIn(baseUrl: string, who: { username: string; password: string }): Promise<string> {
  const res = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  if (!res.ok) throw new Error(`login ${who.username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return cookie;
}

let counter = 0;
/** A new user of the given role, with a unique name, created by the admin. */
export async function createUser(baseUrl: string, role: 'viewer' | 'statistician' | 'leader' | 'admin'): Promise<{ username: string; password: string }> {
  const cookie = await apiLogin(baseUrl);
  counter += 1;
  const user = { username: `${role.slice(0, 4)}${Date.now() % 1_000_000}${counter}`, displayName: `测试${role}`, role, password: 'Ceshi-2026-liuzhou' };
  const res = await fetch(`${baseUrl}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(user),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`create user: ${res.status} ${await res.text()}`);
  return { username: user.username, password: user.password };
}

/** Commits a file through POST /api/uploads, as the admin. */
export async function commitUpload(baseUrl: string, kind: string, fileName: string, data: Buffer | string): Promise<unknown> {
  const cookie = await apiLogin(baseUrl);
  const form = new FormData();
  form.append('kind', kind);
  form.append('policyId', 'liuzhou-2026-q3');
  form.append('file', new Blob([data]), fileName);
  const res = await fetch(`${baseUrl}/api/uploads?dryRun=false`, { method: 'POST', headers: { cookie }, body: form });
  const body: unknown = await res.json();
  if (!res.ok) throw new Error(`upload ${fileName}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}
