import Database from 'better-sqlite3';
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { createBatchesRepository } from '../../repositories/batches';
import { createFiguresReader } from '../figures';
import { evaluateAndEncode, type EvaluationInput } from '../subsidyEvaluation';

/**
 * Runs in a worker thread (subsidyEvaluation.ts evaluateInWorker): reads a policy's claims and the
 * joint-punishment list from the database file, read-only, evaluates and encodes them, answers on
 * its port and says so through `done`, on which the server waits.
 */
const { databasePath, input, port, done } = workerData as { databasePath: string; input: EvaluationInput; port: MessagePort; done: Int32Array };

let answer: unknown;
let transfer: ArrayBuffer[] = [];
try {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const figures = createFiguresReader(createBatchesRepository(db));
    const { result, gzip } = evaluateAndEncode({ ...input, applications: figures.applications(input.policyId), blacklist: figures.blacklist(input.policyId) });
    // its own copy of the bytes, so that the buffer handed over holds nothing else
    const bytes = new Uint8Array(gzip);
    answer = { ok: true, result, gzip: bytes };
    transfer = [bytes.buffer];
  } finally {
    db.close();
  }
} catch (error) {
  answer = { ok: false, error: String(error).slice(0, 200) };
}
port.postMessage(answer, transfer);
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
