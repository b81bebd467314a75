import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config';
import { ROOT, START_ENV } from '../support/realServer';

/**
 * docs/deploy.md shows the deployment files so they can be copied from the page; the files in
 * deploy/ are what tests/deploy/nginx-check.ts runs. They must be the same text.
 */
const doc = readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8');
const shown = [...doc.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)```/g)].map((m) => ({ file: m[1]!, text: m[2]! }));

describe('docs/deploy.md and deploy/', () => {
  it('shows the unit, the nginx site and the settings file', () => {
    expect(shown.map((s) => s.file).sort()).toEqual(['deploy/nginx/scoreboard.conf', 'deploy/scoreboard.env.example', 'deploy/systemd/scoreboard.service']);
  });

  it.each(shown)('$file on the page is the committed file, byte for byte', ({ file, text }) => {
    expect(text).toBe(readFileSync(join(ROOT, file), 'utf8'));
  });

  it('the unit starts the server with the allocator settings of npm start', () => {
    expect(START_ENV.GLIBC_TUNABLES).toMatch(/^glibc\.malloc\.arena_max=2:/);
    const unit = readFileSync(join(ROOT, 'deploy/systemd/scoreboard.service'), 'utf8');
    expect(unit).toContain(`Environment=GLIBC_TUNABLES=${START_ENV.GLIBC_TUNABLES}\n`);
  });

  it('the settings file is a valid configuration, as the server reads it', () => {
    const env = Object.fromEntries(
      readFileSync(join(ROOT, 'deploy/scoreboard.env.example'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(readConfig(env, false)).toMatchObject({
      host: '127.0.0.1', port: 3000, demoData: false, trustProxy: '127.0.0.1', production: true, logFormat: 'json',
      backups: { dir: '/var/backups/scoreboard', everyMs: 86_400_000, keep: 14 }, publicUrl: 'https://scoreboard.example.gov.cn',
    });
  });

  it('the live stream is not buffered and may stay idle; uploads of 20 MiB pass', () => {
    const site = readFileSync(join(ROOT, 'deploy/nginx/scoreboard.conf'), 'utf8');
    const events = /location = \/api\/events \{([\s\S]*?)\}/.exec(site)?.[1] ?? '';
    expect(events).toContain('proxy_buffering off;');
    expect(events).toMatch(/proxy_read_timeout 1h;/);
    expect(site).toContain('client_max_body_size 21m;');
    expect(site).toContain('proxy_set_header X-Forwarded-Proto $scheme;');
  });
});
