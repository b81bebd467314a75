import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: URL;
  headers: http.IncomingHttpHeaders;
  body: string;
  json: unknown;
  at: number;
}

/** How the receiver answers request number `n` (0-based): a status and body, or 'hang' (never). */
export type Answer = { status: number; body?: unknown } | 'hang';

/**
 * A webhook receiver on 127.0.0.1 started by the test: a stand-in for a 企业微信 / 钉钉 robot or a
 * city system, recording every request it gets.
 */
export async function startReceiver(answer: (n: number, request: Received) => Answer = () => ({ status: 200, body: { errcode: 0, errmsg: 'ok' } })) {
  const received: Received[] = [];
  const hanging = new Set<http.ServerResponse>();
  const waiters: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let json: unknown = null;
      try {
        json = JSON.parse(body);
      } catch {
        // not JSON: kept as text
      }
      const request: Received = { method: req.method ?? '', url: new URL(req.url ?? '/', 'http://127.0.0.1'), headers: req.headers, body, json, at: Date.now() };
      received.push(request);
      for (const wake of waiters.splice(0)) wake();
      const reply = answer(received.length - 1, request);
      if (reply === 'hang') {
        hanging.add(res);
        return;
      }
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    /** requests that got no answer (yet) */
    get hanging() {
      return hanging.size;
    },
    async waitFor(count: number, timeoutMs = 20_000): Promise<Received[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`receiver: waited for ${count} requests, got ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return received;
    },
    close(): Promise<void> {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
