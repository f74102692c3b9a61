/**
 * CI check: run every migration on an empty database, then prove that generating a migration yields nothing
 * (the entities and the migrations agree), and that every migration can be reverted and re-applied.
 */
import 'reflect-metadata';
import { migratedScratchDatabase, pendingSchemaChanges } from './scratch-database';

async function main(): Promise<void> {
  const scratch = await migratedScratchDatabase('dangbo_migcheck');
  try {
    const diff = await pendingSchemaChanges(scratch.dataSource);
    if (diff.upQueries.length > 0) {
      console.error('Entities and migrations differ; generate a migration (npm run migration:generate -- Name):');
      for (const q of diff.upQueries) console.error(`  ${q.query}`);
      process.exit(1);
    }
    const count = scratch.dataSource.migrations.length;
    for (let i = 0; i < count; i += 1) await scratch.dataSource.undoLastMigration({ transaction: 'each' });
    await scratch.dataSource.runMigrations({ transaction: 'each' });
    const again = await pendingSchemaChanges(scratch.dataSource);
    if (again.upQueries.length > 0) {
      console.error('After down + up the schema differs from the entities');
      process.exit(1);
    }
    console.log(`migrations: ${count} applied on an empty database, reverted and re-applied; no schema difference`);
  } finally {
    await scratch.drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
