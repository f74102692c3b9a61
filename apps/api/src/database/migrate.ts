/**
 * Migrations and demo data on start, safe when several API processes start at once (a rolling restart, two
 * replicas): a named database lock is held on one dedicated connection around both, so the second process waits,
 * then finds everything applied. Without it both would read "pending", both would run the same DDL, and one would
 * fail half-way (or seed the demo twice).
 *
 * A failed migration: TypeORM runs each migration in its own transaction ('each') and records it only on success,
 * so the `migrations` table never claims a migration that did not finish. But MySQL/MariaDB commit DDL implicitly
 * (CREATE/ALTER/DROP TABLE cannot be rolled back), so a migration of several DDL statements that fails on the
 * third leaves the first two applied. That is why every migration here is generated as a reviewed unit and
 * `migration-check` (in `npm test`) runs them all on an empty database, reverts and re-applies them: a migration that fails must fail there,
 * not on a production start. Each single DDL statement is atomic on MariaDB ≥ 10.6 and MySQL 8.
 */
import { DataSource } from 'typeorm';
import { seedDemoIfEmpty } from './seeds/demo.seed';

export interface StartupReport {
  /** Names of the migrations this process applied (empty: they were all applied already). */
  applied: string[];
  /** Migrations known to the code. */
  known: number;
  /** Whether this process loaded the demo data. */
  seeded: boolean;
}

/** How long a starting process waits for another one's migrations. */
const LOCK_WAIT_SECONDS = 60;

/** The lock is per database (lock names are per server), at most 64 characters. */
export function migrationLockName(database: string): string {
  return `dangbo_migrations.${database}`.slice(0, 64);
}

export async function migrateAndSeed(
  dataSource: DataSource,
  options: { migrate: boolean; seed: boolean; log?: (message: string) => void },
): Promise<StartupReport> {
  const report: StartupReport = { applied: [], known: dataSource.migrations.length, seeded: false };
  if (!options.migrate && !options.seed) return report;
  const lock = migrationLockName(String(dataSource.driver.database));
  // GET_LOCK belongs to a session: one connection taken from the pool for the whole critical section.
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [row] = await runner.query('SELECT GET_LOCK(?, ?) AS got', [lock, LOCK_WAIT_SECONDS]);
    if (Number(row?.got) !== 1) throw new Error(`another process held the migration lock ${lock} for ${LOCK_WAIT_SECONDS} s; not starting`);
    try {
      if (options.migrate) {
        const done = await dataSource.runMigrations({ transaction: 'each' });
        report.applied = done.map((m) => m.name);
      }
      if (options.seed) report.seeded = await seedDemoIfEmpty(dataSource, options.log);
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [lock]);
    }
  } finally {
    await runner.release();
  }
  return report;
}
