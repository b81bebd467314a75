/**
 * npm run check:nginx — the deployment of docs/deploy.md, for real: Debian's nginx with the
 * committed site file (deploy/nginx/scoreboard.conf), a self-signed certificate made by openssl, and
 * the server behind it with TRUST_PROXY. Through https it checks what a city office depends on:
 *
 *  - plain http redirects to https; /api/health answers through the proxy;
 *  - login works and the session cookie is Secure (X-Forwarded-Proto is trusted);
 *  - a write from a browser page (with Origin) passes the server's same-site check behind nginx;
 *  - an open event stream's first bytes arrive at once, and an upload's SSE `change` event reaches
 *    it through nginx within 2 s (nginx does not buffer the stream);
 *  - sign-out works.
 *
 * The site file is used as committed; only what must differ on a test machine is replaced: the
 * ports (free ones), the certificate paths (a temp dir) and the IPv6 listens (a container may have
 * no IPv6). Everything runs in a temp dir and every process it starts is stopped at the end.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ROOT } from '../support/realServer';

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
const PASSWORD = 'Nginx-check-2026';
const POLICY = 'liuzhou-2026-q3';

const dir = mkdtempSync(join(tmpdir(), 'scoreboard-nginx-'));
const children: ChildProcess[] = [];
let serverOutput = '';

function log(line: string) {
  process.stdout.write(`${line}\n`);
}

function stopAll(): Promise<void> {
  return Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM'); // nginx: fast shutdown; the server: graceful close
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  ).then(() => undefined);
}
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});

/** The committed site, with test ports, test certificates and IPv4 listens only. */
function siteForTest(site: string, ports: { app: number; http: number; https: number }, certDir: string): string {
  const replaced = site
    .replace('server 127.0.0.1:3000;', `server 127.0.0.1:${ports.app};`)
    .replace(/^\s*listen \[::\]:\d+.*\n/gm, '')
    .replace('listen 80;', `listen 127.0.0.1:${ports.http};`)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${ports.https} ssl http2;`)
    .replace('/etc/ssl/scoreboard/fullchain.pem', join(certDir, 'fullchain.pem'))
    .replace('/etc/ssl/scoreboard/privkey.pem', join(certDir, 'privkey.pem'));
  for (const expected of [`127.0.0.1:${ports.app}`, `127.0.0.1:${ports.http};`, `127.0.0.1:${ports.https} ssl`, join(certDir, 'privkey.pem')]) {
    if (!replaced.includes(expected)) throw new Error(`deploy/nginx/scoreboard.conf changed shape: could not set ${expected}`);
  }
  return replaced;
}

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

async function main() {
  const ports = { app: await freePort(), http: await freePort(), https: await freePort() };
  const certDir = join(dir, 'ssl');
  mkdirSync(certDir);
  // The same command docs/deploy.md shows for a test certificate.
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', join(certDir, 'privkey.pem'), '-out', join(certDir, 'fullchain.pem'),
  ], { stdio: 'pipe' });
  const ca = readFileSync(join(certDir, 'fullchain.pem'));
  log(`openssl: self-signed certificate for localhost in ${certDir}`);

  // nginx's workers may run as another user (nobody) when this runs as root: let them in.
  chmodSync(dir, 0o755);
  for (const temp of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(dir, temp));
    chmodSync(join(dir, temp), 0o777);
  }
  const site = siteForTest(readFileSync(join(ROOT, 'deploy/nginx/scoreboard.conf'), 'utf8'), ports, certDir);
  writeFileSync(join(dir, 'site.conf'), site);
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} info;`,
      'events { worker_connections 256; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  gzip on;', // as Debian's nginx.conf has it: the event stream must still not be held back
      `  access_log ${join(dir, 'access.log')};`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, t)};`),
      `  include ${join(dir, 'site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const conf = ['-p', dir, '-c', join(dir, 'nginx.conf')];
  log(execFileSync(NGINX, ['-t', ...conf], { encoding: 'utf8', stdio: 'pipe' }) || 'nginx -t: configuration ok');

  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env, HOST: '127.0.0.1', PORT: String(ports.app), DATABASE_PATH: join(dir, 'scoreboard.sqlite'), DEMO_DATA: '1',
      ADMIN_PASSWORD: PASSWORD, TRUST_PROXY: '127.0.0.1', NODE_ENV: '', LOG_LEVEL: 'warn', LOG_FORMAT: 'json',
      PUBLIC_URL: `https://localhost:${ports.https}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(server);
  server.stdout!.on('data', (c: Buffer) => (serverOutput += c.toString()));
  server.stderr!.on('data', (c: Buffer) => (serverOutput += c.toString()));
  const nginx = spawn(NGINX, conf, { stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(nginx);

  const base = `https://localhost:${ports.https}`;
  const agent = new https.Agent({ ca, keepAlive: false });
  const request = (path: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) =>
    new Promise<Reply>((resolve, reject) => {
      const req = https.request(`${base}${path}`, { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      });
      req.on('error', reject);
      req.end(options.body);
    });

  // Both up: the server answers /api/health through nginx (and the certificate checks out).
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${serverOutput}`);
    if (nginx.exitCode !== null) throw new Error('nginx exited');
    try {
      if ((await request('/api/health')).status === 200) break;
    } catch {
      // not yet
    }
    if (i > 300) throw new Error(`no answer through nginx within 60 s:\n${serverOutput}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const health = JSON.parse((await request('/api/health')).body) as { status: string; version: string };
  check(health.status === 'ok', `GET ${base}/api/health through nginx: status ok, version ${health.version}`);

  const redirect = await new Promise<http.IncomingMessage>((resolve, reject) =>
    http.get(`http://127.0.0.1:${ports.http}/awards`, resolve).on('error', reject),
  );
  redirect.resume();
  check(redirect.statusCode === 301 && String(redirect.headers.location).startsWith('https://'), `http → ${redirect.statusCode} ${redirect.headers.location}`);

  const login = async (username: string) => {
    const res = await request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    const cookie = String(res.headers['set-cookie'] ?? '');
    check(res.status === 200, `login as ${username} through nginx: ${res.status}`);
    check(/; Secure/.test(cookie) && /; HttpOnly/.test(cookie), `the session cookie is Secure and HttpOnly behind TLS (${cookie.replace(/sid=[^;]+/, 'sid=…')})`);
    return cookie.split(';')[0]!;
  };
  const admin = await login('admin');
  const wrong = await request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'wrong-password-1' }) });
  check(wrong.status === 401, `a wrong password is refused: ${wrong.status}`);

  // A browser page's write carries Origin; the server compares it with the Host nginx forwards.
  const budget = await request(`/api/policies/${POLICY}/budget`, {
    method: 'PUT', headers: { cookie: admin, 'content-type': 'application/json', origin: base }, body: JSON.stringify({ totalWan: 3000 }),
  });
  check(budget.status === 200, `a write with Origin ${base} passes the same-site check behind nginx: ${budget.status}`);
  const forged = await request(`/api/policies/${POLICY}/budget`, {
    method: 'PUT', headers: { cookie: admin, 'content-type': 'application/json', origin: 'https://evil.example.org' }, body: JSON.stringify({ totalWan: 1 }),
  });
  check(forged.status === 403, `a write from another site is refused: ${forged.status}`);

  // The live stream through nginx: open it, commit an upload, time the change event.
  const statistician = await login('statistician');
  const events: Array<{ at: number; data: string }> = [];
  let connectedAt = 0;
  const stream = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = https.get(`${base}/api/events`, { headers: { cookie: admin, accept: 'text/event-stream' }, agent }, resolve).on('error', reject);
    // a proxy that buffers the stream may not even pass its headers on
    setTimeout(() => {
      req.destroy();
      reject(new Error('FAILED: GET /api/events through nginx: no answer within 5 s (is the stream buffered?)'));
    }, 5_000).unref();
  });
  check(stream.statusCode === 200 && String(stream.headers['content-type']).startsWith('text/event-stream'), `GET /api/events through nginx: ${stream.statusCode} ${stream.headers['content-type']}`);
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (block.includes(': connected')) connectedAt = Date.now();
      const data = /^event: change\ndata: (.*)$/m.exec(block)?.[1];
      if (data) events.push({ at: Date.now(), data });
    }
  });
  await waitFor(() => connectedAt > 0, 5_000, 'the stream’s first bytes (": connected") through nginx');
  check(true, 'the stream’s first bytes arrived at once (not held in a proxy buffer)');

  const boundary = 'nginxcheck';
  const csv = '单位,月份,规上工业总产值（万元）,工业投资（万元）\n融安县,9,410000,\n';
  const multipartBody = Buffer.from(
    [
      `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nunit-actuals\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="policyId"\r\n\r\n${POLICY}\r\n`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="nginx-check.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`,
      `--${boundary}--\r\n`,
    ].join(''),
  );
  const upload = await request('/api/uploads?dryRun=false', {
    method: 'POST', headers: { cookie: statistician, origin: base, 'content-type': `multipart/form-data; boundary=${boundary}` }, body: multipartBody,
  });
  const committedAt = Date.now();
  const batchId = (JSON.parse(upload.body) as { batch?: { batchId: number } }).batch?.batchId;
  check(upload.status === 200 && batchId !== undefined, `upload committed through nginx: ${upload.status}, batch ${batchId}`);
  await waitFor(() => events.length > 0, 2_000, 'the change event through nginx within 2 s');
  const event = JSON.parse(events[0]!.data) as { policyId: string; revision: number; kind: string };
  check(event.policyId === POLICY && event.kind === 'unit-actuals', `SSE change event through nginx ${events[0]!.at - committedAt} ms after the commit answered: ${events[0]!.data}`);
  stream.destroy();

  const logout = await request('/api/session', { method: 'DELETE', headers: { cookie: statistician, origin: base } });
  check(logout.status === 204, `sign out through nginx: ${logout.status}`);
  log('nginx check passed');
}

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`FAILED: ${what}`);
  log(`ok  ${what}`);
}

async function waitFor(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`FAILED: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// Whatever hangs, the check ends, and takes its processes with it.
const watchdog = setTimeout(() => {
  log('FAILED: the nginx check did not finish within 3 minutes');
  void stopAll().finally(() => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(1);
  });
}, 180_000);

main()
  .catch((error: unknown) => {
    process.exitCode = 1;
    log(error instanceof Error ? error.message : String(error));
    try {
      log(`--- nginx error.log ---\n${readFileSync(join(dir, 'error.log'), 'utf8').slice(-4000)}`);
    } catch {
      // nginx never started
    }
    log(`--- server output ---\n${serverOutput.slice(-4000)}`);
  })
  .finally(async () => {
    clearTimeout(watchdog);
    await stopAll();
    rmSync(dir, { recursive: true, force: true });
  });
