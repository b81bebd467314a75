import type { LoginFailuresRepository } from '../repositories/loginFailures';

/**
 * Slows password guessing (issue 6): failed logins are counted per client address and per user
 * name over a sliding window. Past either limit, further tries are refused with 429 and Retry-After
 * before the password is even hashed, so a flood of guesses also costs no scrypt time.
 *
 * - per user name, from any address: guessing one account from many machines;
 * - per address, for any user name: one machine trying many accounts (set higher, as one office
 *   behind one NAT address shares it).
 *
 * Only failures count, so colleagues signing in all morning are never slowed; a successful login
 * clears that user name's failures. The window is kept in memory and written through to the
 * database (`store`, migration 010): a restart — or a crash an attacker provokes — reloads it rather
 * than handing out a fresh set of guesses.
 */
export interface LoginThrottleLimits {
  windowMs: number;
  maxFailuresPerUser: number;
  maxFailuresPerAddress: number;
}

export const LOGIN_THROTTLE_DEFAULTS: LoginThrottleLimits = {
  windowMs: 15 * 60 * 1000,
  maxFailuresPerUser: 10,
  maxFailuresPerAddress: 30,
};

// Random user names must not grow the map without bound: past this many keys the oldest go first.
const MAX_TRACKED_KEYS = 10_000;
// Stored failures older than the window are deleted at most this often, not on every failure.
const PRUNE_EVERY_MS = 60_000;

export function createLoginThrottle(
  options: { now?: () => number; limits?: Partial<LoginThrottleLimits>; store?: LoginFailuresRepository } = {},
) {
  const now = options.now ?? Date.now;
  const limits = { ...LOGIN_THROTTLE_DEFAULTS, ...options.limits };
  const store = options.store;
  const failures = new Map<string, number[]>(); // key → failure times, oldest first
  let prunedAt = now();
  for (const { key, at } of store?.load(prunedAt - limits.windowMs) ?? []) {
    const times = failures.get(key);
    if (times) times.push(at);
    else failures.set(key, [at]);
  }

  const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
  const addressKey = (address: string) => `addr:${address}`;

  /** Failure times still inside the window; forgets the key when none are left. */
  function recent(key: string, t: number): number[] {
    const times = failures.get(key);
    if (!times) return [];
    const live = times.filter((at) => at > t - limits.windowMs);
    if (live.length === 0) failures.delete(key);
    else if (live.length !== times.length) failures.set(key, live);
    return live;
  }

  /** Seconds until the oldest failure that keeps the key at its limit leaves the window; 0 when under it. */
  function waitSeconds(key: string, max: number, t: number): number {
    const live = recent(key, t);
    if (live.length < max) return 0;
    const freesAt = live[live.length - max]! + limits.windowMs;
    return Math.max(1, Math.ceil((freesAt - t) / 1000));
  }

  function add(key: string, t: number): void {
    const live = recent(key, t);
    failures.delete(key); // re-insert: Map order is then least recently failed first
    failures.set(key, [...live, t]);
    store?.add(key, t);
    while (failures.size > MAX_TRACKED_KEYS) {
      const oldest = failures.keys().next().value;
      if (oldest === undefined) break;
      failures.delete(oldest);
      store?.removeKey(oldest);
    }
    if (store && t - prunedAt > PRUNE_EVERY_MS) {
      store.removeBefore(t - limits.windowMs);
      prunedAt = t;
    }
  }

  return {
    limits,
    /** Seconds the caller must wait before trying again, or 0 when a try is allowed now. */
    retryAfterSeconds(address: string, username: string): number {
      const t = now();
      return Math.max(
        waitSeconds(userKey(username), limits.maxFailuresPerUser, t),
        waitSeconds(addressKey(address), limits.maxFailuresPerAddress, t),
      );
    },
    /**
     * Counts a try as failed before the password is checked — otherwise a burst of guesses sent in
     * parallel would all pass the limit while their hashes are computed. A success takes it back and
     * clears the user name's failures.
     */
    begin(address: string, username: string): { succeeded(): void } {
      const t = now();
      add(userKey(username), t);
      add(addressKey(address), t);
      return {
        succeeded() {
          failures.delete(userKey(username));
          store?.removeKey(userKey(username));
          const times = failures.get(addressKey(address));
          const i = times?.lastIndexOf(t) ?? -1;
          if (times && i >= 0) {
            times.splice(i, 1);
            store?.removeOne(addressKey(address), t);
          }
        },
      };
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
