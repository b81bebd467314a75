import { Worker } from 'node:worker_threads';
import { WORKER_HEAP_MB } from './limits';
import type { Issue } from './messages';
import { parseUpload, type IngestResult, type ParseInput } from './parse';
import { readInPlace, unpackValues, type PackedValues, type Preview, type PreviewRequest, type UploadRead } from './uploadRead';

/**
 * Large files are read in a worker thread. Reading a 100,000-row workbook takes seconds of CPU and
 * hundreds of MiB of short-lived objects: on the main thread it would stall every other request
 * (the live ranking, the events of 1,000 dashboards) and leave the server's heap grown for good.
 * In a worker the main thread keeps answering, the heap the parse needed is returned to the system
 * when the thread ends, and a file that needs more memory than a parse may have is refused instead
 * of taking the server down. The worker keeps the entries: the preview asks it for the counts and
 * the first changes, and only a commit brings the entries over (uploadRead.ts). Small files —
 * nearly all — are read in place: a thread costs a fraction of a second to start.
 */
export const OFF_THREAD_BYTES = 512 * 1024;


/** What the main thread asks of a worker (worker/parseInWorker.ts answers), one request at a time. */
export type WorkerRequest =
  | { type: 'parse'; input: ParseInput }
  | { type: 'preview'; request: PreviewRequest }
  | { type: 'values' };
interface ParseHead { rowsRead: number; errors: Issue[]; warnings: Issue[]; keys: string[] }

/** One worker thread: loaded ahead of need, then asked one thing at a time until it is ended. */
class ParseWorker {
  private readonly worker: Worker;
  /** resolves once the worker has loaded the reader and waits for a file */
  readonly ready: Promise<void>;
  loaded = false;
  private waiting: { resolve: (value: unknown) => void; reject: (error: Error) => void } | null = null;
  private ended: Error | null = null;
  private last: Promise<unknown> = Promise.resolve();

  constructor() {
    this.worker = new Worker(new URL('./worker/bootstrap.mjs', import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      stdout: false,
      stderr: false,
    });
    this.worker.unref(); // a spare thread never keeps the server from exiting
    let loaded: () => void;
    this.ready = new Promise<void>((resolve) => (loaded = resolve));
    this.worker.on('message', (message: unknown) => {
      if (!this.loaded) {
        this.loaded = true;
        loaded();
        return;
      }
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.resolve(message);
    });
    this.worker.on('error', (error: Error & { code?: string }) =>
      this.stop(new Error(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'the file needs more memory than an upload may use' : error.message.slice(0, 200))),
    );
    this.worker.on('exit', (code) => this.stop(new Error(`reader stopped (${code})`)));
  }

  private stop(error: Error): void {
    this.ended ??= error;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(this.ended);
  }

  /** Asks the worker one thing; requests queue behind each other. Rejects if the worker ends. */
  ask<T>(request: WorkerRequest): Promise<T> {
    const answer = this.last.then(
      () =>
        new Promise<T>((resolve, reject) => {
          if (this.ended) return reject(this.ended);
          this.waiting = { resolve: resolve as (value: unknown) => void, reject };
          this.worker.postMessage(request);
        }),
    );
    this.last = answer.catch(() => undefined);
    return answer;
  }

  end(): void {
    if (this.ended) return;
    this.stop(new Error('reader ended'));
    void this.worker.terminate();
  }
}

let queue: Promise<unknown> = Promise.resolve();
/** A worker started ahead of need: it takes a second or two to load the reader (a thread of its own). */
let spare: ParseWorker | null = null;

function failed(input: ParseInput, detail: string): IngestResult {
  return {
    kind: input.kind, rowsRead: 0, entries: [], warnings: [],
    errors: [{ sheet: input.fileName, row: null, column: null, value: null, code: 'unreadable_file', msg: 'unreadable_file.unexpected', params: { file: input.fileName, detail }, at: 'file' }],
  };
}

/** Starts a spare worker now, so that the next large upload finds one loaded (server start). */
export function prepareParseWorker(): Promise<void> {
  spare ??= new ParseWorker();
  return spare.ready;
}

/** The file read in the worker, which keeps its entries until the read is closed. */
async function readInWorker(input: ParseInput, worker: ParseWorker): Promise<UploadRead> {
  let head: ParseHead;
  try {
    head = await worker.ask<ParseHead>({ type: 'parse', input });
  } catch (error) {
    worker.end();
    return readInPlace(failed(input, (error as Error).message), input.policy);
  } finally {
    // the next one loads while nobody waits for it
    void prepareParseWorker();
  }
  if (head.errors.length > 0) worker.end(); // nothing to keep
  const { keys } = head;
  return {
    ...head,
    preview: (request) => worker.ask<Preview>({ type: 'preview', request }),
    async entries() {
      const values = await worker.ask<PackedValues>({ type: 'values' });
      if (values.ends.length !== keys.length) throw new Error(`the reader sent ${values.ends.length} values for ${keys.length} keys`);
      return unpackValues(keys, values);
    },
    close: () => worker.end(),
  };
}

/**
 * How long a large upload waits for a worker that is still loading (one starts after every parse):
 * about a second on a quiet machine. Read in place instead, the file would grow the server's own
 * heap by what the parse needs, for good — a 50,000-row workbook added 100 MiB to the RSS.
 */
const WAIT_FOR_WORKER_MS = 3000;

/**
 * Reads an upload: in a worker thread for large files, one parse at a time. When no worker is
 * loaded, the upload waits for one a few seconds at most (a shutdown allows ten), then is read in
 * place, as a small file is.
 */
export async function readUpload(input: ParseInput): Promise<UploadRead> {
  const inPlace = async () => readInPlace(await parseUpload(input), input.policy);
  if (input.data.length < OFF_THREAD_BYTES) return inPlace();
  if (!spare?.loaded) {
    const loading = (spare ??= new ParseWorker());
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([loading.ready, new Promise<void>((resolve) => (timer = setTimeout(resolve, WAIT_FOR_WORKER_MS)))]);
    clearTimeout(timer);
    // still loading, or taken by another upload meanwhile
    if (spare !== loading || !loading.loaded) return inPlace();
  }
  const worker = spare;
  spare = null;
  const run = queue.then(() => readInWorker(input, worker));
  queue = run.catch(() => undefined);
  return run;
}
