import { buildApp } from './app';
import { readConfig } from './config';
import { prepareParseWorker } from './ingest/offThread';
import { acquireDatabaseLock } from './instanceLock';
import { loggerOptions } from './logging';
import { VERSION } from './version';

/** Reads the environment, listens, and closes gracefully on SIGTERM/SIGINT. */
async function main() {
  const config = readConfig();
  // One server per database: `npm run restore` checks this lock, and a second server would not
  // see the first one's live events.
  const lock = await acquireDatabaseLock(config.databasePath);
  const app = await buildApp({
    databasePath: config.databasePath,
    dataDir: config.dataDir,
    demoData: config.demoData,
    adminPassword: config.adminPassword,
    production: config.production,
    trustProxy: config.trustProxy,
    backups: config.backups,
    publicUrl: config.publicUrl,
    sessionLimits: config.sessionLimits,
    logger: loggerOptions(config.logLevel, config.logFormat),
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // A stuck request must not keep the process alive for ever.
    setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => lock.release().then(() => process.exit(0)),
      (err: unknown) => {
        app.log.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  // large uploads are read in a worker thread: have one loaded before the first arrives
  void prepareParseWorker();
  const backups = app.services.backups.status();
  app.log.info(
    { version: VERSION, database: config.databasePath, backups: backups.enabled ? `${backups.dir} every ${backups.everySeconds} s, keep ${backups.keep}` : 'off (BACKUP_DIR not set)' },
    `工业稳增长考核看板 ${VERSION} ready`,
  );
}

main().catch((err: unknown) => {
  // e.g. a bad policy file: print file, path and reason, and stop.
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
