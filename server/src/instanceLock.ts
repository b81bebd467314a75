import { createHash } from 'node:crypto';
import { realpathSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * "Is a server using this database right now?" — asked by `npm run restore` (which must never
 * replace a database under a running server) and by a second server started on the same file.
 *
 * The running server listens on a local socket named after the database's real path. On Linux it
 * is an abstract socket: it has no file, so it cannot go stale — it disappears with the process,
 * even after kill -9 or a power cut, and a reused pid cannot fake it (which a pid file can). A
 * connection that succeeds means a live process holds the database; ECONNREFUSED means none does.
 * Elsewhere (a developer's macOS) it is a socket file in the temp directory, removed when stale.
 * An abstract socket belongs to a network namespace: the restore must run in the server's (the
 * host's, for the unit in deploy/systemd, which sets no PrivateNetwork), not inside another container.
 */
function canonicalPath(databasePath: string): string {
  const full = resolve(databasePath);
  try {
    return join(realpathSync(dirname(full)), basename(full));
  } catch {
    return full; // the directory does not exist yet: nobody can be using the file
  }
}

export function lockAddress(databasePath: string): string {
  const id = createHash('sha256').update(canonicalPath(databasePath)).digest('hex').slice(0, 32);
  return process.platform === 'linux' ? `\0scoreboard-db-${id}` : join(tmpdir(), `scoreboard-db-${id}.sock`);
}

/** Resolves true when a live process holds the lock of this database. */
export function isDatabaseInUse(databasePath: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = net.connect(lockAddress(databasePath));
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false)); // ECONNREFUSED / ENOENT: nobody listens
  });
}

export class DatabaseInUseError extends Error {
  constructor(databasePath: string) {
    super(`另一个进程（服务器或恢复命令）正在使用数据库 ${resolve(databasePath)}；请先停止它。\nAnother process (a server or a restore) is using the database ${resolve(databasePath)}.`);
    this.name = 'DatabaseInUseError';
  }
}

function listen(server: net.Server, address: string): Promise<void> {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(address, () => {
      server.off('error', fail);
      ok();
    });
  });
}

/** Holds the database's lock until release(); throws DatabaseInUseError when another process holds it. */
export async function acquireDatabaseLock(databasePath: string): Promise<{ release(): Promise<void> }> {
  const address = lockAddress(databasePath);
  const server = net.createServer((socket) => socket.end());
  server.unref(); // the lock never keeps the process alive by itself
  try {
    await listen(server, address);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (await isDatabaseInUse(databasePath)) throw new DatabaseInUseError(databasePath);
    // a socket file left by a process that died (not on Linux, where the socket is abstract)
    rmSync(address, { force: true });
    await listen(server, address);
  }
  return {
    release: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
