import { gzipSync } from 'node:zlib';
import { Worker, MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { evaluateSubsidies, presentSubsidies, subsidiesSchema, type ApplicationInput, type Policy, type Subsidies } from '@scoreboard/shared';
import { WORKER_HEAP_MB } from '../ingest/limits';
import { encodeWithList } from './encodeAnswer';

/**
 * One evaluation of a policy's claims (SPEC §6, §11): what the subsidies service keeps of it — the
 * result without the application list, for the awards — and the whole answer, encoded and gzipped.
 */
export interface EvaluationInput {
  policyId: string;
  revision: number;
  policy: Policy;
  countyWan: number;
  budgetTotalWan: number | null;
}
export type PresentedResult = ReturnType<typeof presentSubsidies>;
export interface Evaluated {
  /** the presented result with an empty application list */
  result: PresentedResult;
  gzip: Buffer;
}

export function evaluateAndEncode(input: EvaluationInput & { applications: readonly ApplicationInput[]; blacklist: ReadonlySet<string> }): Evaluated {
  // exact in the domain; API numbers from the one adapter (shared/src/present/subsidies.ts)
  const result = presentSubsidies(
    evaluateSubsidies({ policy: input.policy, applications: input.applications, blacklist: input.blacklist, countyWan: input.countyWan, budgetTotalWan: input.budgetTotalWan }),
  );
  const json = encodeSubsidies({
    policyId: input.policyId,
    revision: input.revision,
    applications: result.applications,
    grants: result.grants,
    totals: result.totals,
    factor: result.factor,
    factorFraction: result.factorFraction,
    factorText: result.factorText,
  });
  return { result: { ...result, applications: [] }, gzip: gzipSync(json) };
}

/**
 * From this many stored claims on, the evaluation runs in a worker thread that reads them from the
 * database itself. Evaluating 150,000 claims builds ~150 MiB of objects (the claims, their outcomes,
 * their presentation, the encoding); in the server's own heap V8 kept that memory after the answer
 * was made, in a worker it goes back to the system when the thread ends. Below it — every real city,
 * whose claims number in the hundreds — a thread would only add its start-up time.
 */
export const OFF_THREAD_CLAIMS = 20_000;
/**
 * How long the server waits for a worker: its start, then about 20 µs a claim on this machine, with
 * a wide margin. A worker that has not answered by then (one that ran out of memory never answers)
 * is given up on, and the evaluation runs in place instead.
 */
export function workerTimeoutMs(claims: number): number {
  return 10_000 + Math.ceil(claims * 0.25);
}

type WorkerAnswer = { ok: true; result: PresentedResult; gzip: Uint8Array } | { ok: false; error: string };

/**
 * The evaluation in a worker thread, waited for synchronously: the callers (the awards, a finalize
 * inside its transaction) are synchronous, and an evaluation in place held the thread as long. The
 * worker opens the database file read-only; it sees what is committed, which is what the caller sees
 * (a finalize evaluates before it writes). Null when the worker fails: the caller evaluates in place.
 */
export function evaluateInWorker(databasePath: string, input: EvaluationInput, claims: number): Evaluated | null {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./worker/bootstrap.mjs', import.meta.url), {
    workerData: { databasePath, input, port: port2, done },
    transferList: [port2],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: false,
    stderr: false,
  });
  worker.unref();
  try {
    // the worker sets `done` when its answer is on the port, or when it fails
    const waited = Atomics.wait(done, 0, 0, workerTimeoutMs(claims));
    const answer = receiveMessageOnPort(port1)?.message as WorkerAnswer | undefined;
    if (waited === 'timed-out' || !answer?.ok) return null;
    return { result: answer.result, gzip: Buffer.from(answer.gzip.buffer, answer.gzip.byteOffset, answer.gzip.byteLength) };
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/** The subsidies answer as UTF-8 JSON, one application at a time (encodeWithList). */
export function encodeSubsidies(answer: Subsidies): Buffer {
  return encodeWithList(subsidiesSchema, 'applications', answer);
}
