import { get, type IncomingMessage } from 'node:http';

/** GET over a fresh socket (no connection pool), as a browser's EventSource does. */
export function openStream(url: string, headers: Record<string, string> = {}): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => get(url, { headers, agent: false }, resolve).on('error', reject));
}

/**
 * The next SSE event of a real HTTP stream (comments and heartbeats skipped), or the next one of
 * that name: its name, its parsed data, and a promise that settles when the server ends the stream.
 */
export function nextEvent(stream: IncomingMessage, name?: string): Promise<{ event: string; data: unknown; ended: Promise<void> }> {
  const ended = new Promise<void>((resolve) => stream.once('end', () => resolve()));
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const frames = buffer.split('\n\n');
      buffer = frames.pop()!;
      for (const frame of frames) {
        const lines = frame.split('\n');
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
        if (!event || (name !== undefined && event !== name)) continue;
        stream.off('data', onData);
        resolve({ event, data: JSON.parse(lines.find((l) => l.startsWith('data: '))!.slice(6)), ended });
        return;
      }
    };
    stream.on('data', onData);
    stream.once('end', () => reject(new Error('stream ended without the event')));
  });
}
