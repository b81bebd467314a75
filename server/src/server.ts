import { buildApp } from './app';
import { readConfig } from './config';

/** Reads the environment, listens, and closes gracefully on SIGTERM/SIGINT. */
async function main() {
  const config = readConfig();
  const app = await buildApp({
    databasePath: config.databasePath,
    dataDir: config.dataDir,
    demoData: config.demoData,
    adminPassword: config.adminPassword,
    production: config.production,
    trustProxy: config.trustProxy,
    sessionLimits: config.sessionLimits,
    logger: { level: config.logLevel },
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    // A stuck request must not keep the process alive for ever.
    setTimeout(() => process.exit(1), 10_000).unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
}

main().catch((err: unknown) => {
  // e.g. a bad policy file: print file, path and reason, and stop.
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
