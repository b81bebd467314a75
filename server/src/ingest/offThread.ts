import { Worker } from 'node:worker_threads';
import { parseUpload, type IngestResult, type ParseInput } from './parse';

/**
 * Large files are read in a worker thread. Reading a 100,000-row workbook takes seconds of CPU and
 * hundreds of MiB of short-lived objects: on the main thread it would stall every other request
 * (the live ranking, the events of 1,000 dashboards) and leave the server's heap grown for good.
 * In a worker the main thread keeps answering, the heap the parse needed is returned to the system
 * when the thread ends, and a file that needs more memory than a parse may have is refused instead
 * of taking the server down. Small files — nearly all — are read in place: a thread costs a
 * fraction of a second to start.
 */
export const OFF_THREAD_BYTES = 512 * 1024;
/** A parse may not grow its heap past this: far beyond any real upload within the 20 MiB limit. */
const WORKER_HEAP_MB = 1536;

let queue: Promise<unknown> = Promise.resolve();
/** A worker started ahead of need: it takes a second or two to load the reader (a thread of its own). */
let spare: Spare | null = null;
interface Spare {
  worker: Worker;
  /** resolves once the worker has loaded the reader and waits for a file */
  ready: Promise<void>;
  loaded: boolean;
}

function failed(input: ParseInput, detail: string): IngestResult {
  return {
    kind: input.kind, rowsRead: 0, entries: [], warnings: [],
    errors: [{ sheet: input.fileName, row: null, column: null, value: null, code: 'unreadable_file', msg: 'unreadable_file.unexpected', params: { file: input.fileName, detail }, at: 'file' }],
  };
}

function startWorker(): Spare {
  const worker = new Worker(new URL('./worker/bootstrap.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: false,
    stderr: false,
  });
  worker.unref(); // a spare thread never keeps the server from exiting
  worker.on('error', () => undefined); // reported to the job that uses it, if any
  const spareWorker: Spare = { worker, ready: Promise.resolve(), loaded: false };
  spareWorker.ready = new Promise<void>((resolve) =>
    worker.once('message', () => {
      spareWorker.loaded = true;
      resolve();
    }),
  );
  return spareWorker;
}

/** Starts a spare worker now, so that the next large upload finds one loaded (server start). */
export function prepareParseWorker(): Promise<void> {
  spare ??= startWorker();
  return spare.ready;
}

function inWorker(input: ParseInput, ready: Spare): Promise<IngestResult> {
  const { worker } = ready;
  return new Promise<IngestResult>((resolve) => {
    let settled = false;
    const settle = (result: IngestResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
      void worker.terminate();
      // the next one loads while nobody waits for it
      void prepareParseWorker();
    };
    void ready.ready.then(() => {
      worker.on('message', (result: IngestResult) => settle(result));
      worker.postMessage(input);
    });
    worker.once('error', (error: Error & { code?: string }) =>
      settle(failed(input, error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the file needs more memory than an upload may use' : error.message.slice(0, 200))),
    );
    worker.once('exit', (code) => settle(failed(input, `reader stopped (${code})`)));
  });
}

/**
 * parseUpload, in a worker thread for large files when one is loaded and free; one such parse at a
 * time. No upload waits for a thread to load (seconds on a busy machine, and a shutdown allows ten):
 * when none is ready, the file is read in place, as a small one is.
 */
export function parseUploadOffThread(input: ParseInput): Promise<IngestResult> {
  if (input.data.length < OFF_THREAD_BYTES) return parseUpload(input);
  if (!spare?.loaded) {
    void prepareParseWorker();
    return parseUpload(input);
  }
  const worker = spare;
  spare = null;
  const run = queue.then(() => inWorker(input, worker));
  queue = run.catch(() => undefined);
  return run;
}
