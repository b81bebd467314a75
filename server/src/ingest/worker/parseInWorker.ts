import { parentPort } from 'node:worker_threads';
import type { Policy } from '@scoreboard/shared';
import { parseUpload, type IngestResult } from '../parse';
import { packValues, previewEntries } from '../uploadRead';
import type { WorkerRequest } from '../offThread';

/**
 * Runs in a worker thread (offThread.ts): it starts ahead of need and reads one file. It keeps the
 * entries and answers for them — the preview against the stored values, then, for a commit, the
 * values — and is ended when they are no longer needed, so that the memory the parse took goes
 * back to the system.
 */
let read: { result: IngestResult; policy: Policy } | null = null;

parentPort!.on('message', (request: WorkerRequest) => {
  switch (request.type) {
    case 'parse': {
      const { input } = request;
      const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
      void parseUpload({ ...input, data }).then((result) => {
        read = { result, policy: input.policy };
        const { rowsRead, errors, warnings, entries } = result;
        parentPort!.postMessage({ rowsRead, errors, warnings, keys: errors.length > 0 ? [] : entries.map((e) => e.key) });
      });
      return;
    }
    case 'preview':
      parentPort!.postMessage(previewEntries(read!.result, read!.policy, request.request));
      return;
    case 'values': {
      const values = packValues(read!.result.entries);
      parentPort!.postMessage(values, [values.bytes.buffer, values.ends.buffer]);
      return;
    }
  }
});
parentPort!.postMessage('ready');
