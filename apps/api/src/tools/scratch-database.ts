/** A throw-away database on the configured server, migrated to the latest version; dropped by `drop()`. */
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/env';
import { createDataSource, DatabaseTarget, ensureDatabase, parseDatabaseUrl } from '../database/data-source';

export async function migratedScratchDatabase(prefix: string): Promise<{ dataSource: DataSource; drop(): Promise<void> }> {
  const base = parseDatabaseUrl(loadConfig().databaseUrl);
  const target: DatabaseTarget = { ...base, database: `${prefix}_${process.pid}_${Date.now().toString(36)}` };
  await ensureDatabase(target);
  const dataSource = createDataSource(target);
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return {
    dataSource,
    async drop() {
      await dataSource.destroy();
      const conn = await mysql.createConnection({ host: target.host, port: target.port, user: target.user, password: target.password });
      await conn.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
      await conn.end();
    },
  };
}

/** What the entities need beyond the migrations: empty when migrations and entities agree. */
export async function pendingSchemaChanges(dataSource: DataSource) {
  return dataSource.driver.createSchemaBuilder().log();
}
