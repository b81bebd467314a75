// A worker thread's entry: the server runs TypeScript through tsx, whose loader is registered per
// thread, so it is registered here before the TypeScript parse is imported.
import { register } from 'tsx/esm/api';

register();
await import('./parseInWorker.ts');
