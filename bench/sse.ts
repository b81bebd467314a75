import http from 'node:http';

/**
 * Opens `count` real SSE connections to /api/events and resolves once all are open. `waitFor`
 * then measures, per client, the delay between `triggeredAt` and the arrival of a `change` event.
 */
export async function openDashboards(base: string, cookie: string, count: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: count + 10 });
  const arrivals: number[] = [];
  const requests: http.ClientRequest[] = [];
  let opened = 0;
  await new Promise<void>((resolve, reject) => {
    for (let i = 0; i < count; i++) {
      const req = http.get(`${base}/api/events`, { agent, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) return reject(new Error(`SSE status ${res.statusCode}`));
        let seen = false;
        opened++;
        if (opened === count) resolve();
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (!seen && chunk.includes('event: change')) {
            seen = true;
            arrivals.push(performance.now());
          }
        });
      });
      req.on('error', (e) => reject(e));
      requests.push(req);
    }
  });
  return {
    async waitFor(triggeredAt: number, timeoutMs = 5000): Promise<number[]> {
      const deadline = performance.now() + timeoutMs;
      while (arrivals.length < count && performance.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      return arrivals.map((t) => t - triggeredAt).sort((a, b) => a - b);
    },
    received: () => arrivals.length,
    close() {
      for (const r of requests) r.destroy();
      agent.destroy();
    },
  };
}
