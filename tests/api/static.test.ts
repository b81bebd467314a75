import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
});

describe('the client app (SPEC.md §12)', () => {
  it('serves client/dist, answers deep links with index.html, keeps /api 404s as JSON', async () => {
    t = await buildTestApp();
    await t.close();
    const dist = join(t.dir + '-dist');
    await mkdir(join(dist, 'assets'), { recursive: true });
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>看板</title><div id="root"></div>');
    await writeFile(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await buildTestApp({ clientDist: dist });

    for (const path of ['/', '/industries', '/units/450202', '/awards/print', '/screen', '/login', '/scenarios']) {
      const res = await t.app.inject(path);
      expect(res.statusCode, path).toBe(200);
      expect(res.body).toContain('<div id="root">');
    }
    const asset = await t.app.inject('/assets/app-abc123.js');
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    const api = await t.app.inject('/api/unknown');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'not_found' });
    expect((await t.app.inject('/no-such-page')).statusCode).toBe(404);
  });

  it('starts without a built client', async () => {
    t = await buildTestApp();
    expect((await t.app.inject('/api/health')).statusCode).toBe(200);
    expect((await t.app.inject('/')).statusCode).toBe(404);
  });
});
