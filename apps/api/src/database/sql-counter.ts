/**
 * Counts SQL statements per request through AsyncLocalStorage: the N+1 test and the benchmark read the count from
 * the `x-sql-statements` response header (exposed only when EXPOSE_SQL_COUNT is on, never in production).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Counter {
  statements: number;
}

const storage = new AsyncLocalStorage<Counter>();

export const sqlCounter = {
  run<T>(fn: () => T): T {
    return storage.run({ statements: 0 }, fn);
  },
  count(): void {
    const c = storage.getStore();
    if (c) c.statements += 1;
  },
  current(): number {
    return storage.getStore()?.statements ?? 0;
  },
};
