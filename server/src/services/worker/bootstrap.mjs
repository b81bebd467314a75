// A worker thread's entry: the server runs TypeScript through tsx, whose loader is registered per
// thread, so it is registered here before the TypeScript evaluation is imported. A failure to load
// is answered too: the server waits for this thread's answer synchronously.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

try {
  register();
  await import('./subsidiesInWorker.ts');
} catch (error) {
  workerData.port.postMessage({ ok: false, error: String(error).slice(0, 200) });
  Atomics.store(workerData.done, 0, 1);
  Atomics.notify(workerData.done, 0);
}
