import { parentPort } from 'node:worker_threads';
import { parseUpload, type ParseInput } from '../parse';

/**
 * Runs in a worker thread (offThread.ts): it starts ahead of need, waits for one file, posts the
 * parse back, and is then ended, so that the memory the parse took goes back to the system.
 */
parentPort!.once('message', (input: ParseInput) => {
  const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
  void parseUpload({ ...input, data }).then((result) => parentPort!.postMessage(result));
});
parentPort!.postMessage('ready');
