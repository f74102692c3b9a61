/**
 * A short-lived cache of a signed-in user's account state and grants, so a request need not read them again: the
 * members page is then one statement fewer (BENCHMARKS.md). Revocation-aware:
 * - in this process, every committed mutation (runMutation) drops the whole cache, so a changed role, a deactivated
 *   account or a new password counts from the next request on;
 * - in another API process, the entry lives at most AUTH_CACHE_MS (default 3 s): that is the bound on how long a
 *   revocation made elsewhere can lag. API tokens are never cached: their revocation holds at once in every process.
 * Entries are keyed by user, password version and date (grants are dated), per data source.
 */
import { Role } from '@dangbo/shared-types';
import { DataSource } from 'typeorm';

export interface CachedUser {
  username: string;
  active: boolean;
  demo: boolean;
  passwordVersion: number;
  grants: { role: Role; unitId: number }[];
}

const MAX_ENTRIES = 10_000;
const caches = new WeakMap<DataSource, Map<string, { until: number; user: CachedUser }>>();
let generation = 0;

function cacheOf(dataSource: DataSource) {
  let cache = caches.get(dataSource);
  if (!cache) {
    cache = new Map();
    caches.set(dataSource, cache);
  }
  return cache;
}

export const grantsCache = {
  key: (userId: number, passwordVersion: number, today: string) => `${userId}:${passwordVersion}:${today}`,

  get(dataSource: DataSource, key: string, now = Date.now()): CachedUser | null {
    const cache = cacheOf(dataSource);
    const hit = cache.get(key);
    if (!hit) return null;
    if (hit.until > now) return hit.user;
    cache.delete(key);
    return null;
  },

  /** Stores what was read, unless a mutation committed while it was being read (`since` is `generation()` before). */
  set(dataSource: DataSource, key: string, user: CachedUser, ttlMs: number, since: number): void {
    if (ttlMs <= 0 || since !== generation) return;
    const cache = cacheOf(dataSource);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { until: Date.now() + ttlMs, user });
  },

  generation: () => generation,

  /** A mutation committed: whatever it changed counts from the next request on. */
  invalidate(dataSource: DataSource): void {
    generation += 1;
    caches.get(dataSource)?.clear();
  },
};
