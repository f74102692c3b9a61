/** Drops and recreates the e2e database, so every run starts from the migrations and the demo seed. */
// The e2e harness runs in Node, not in the panel (scope:admin's ban on server packages is about the browser bundle).
// eslint-disable-next-line @nx/enforce-module-boundaries
import mysql from 'mysql2/promise';

export async function recreateDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(database)) throw new Error(`unsafe database name "${database}"`);
  const connection = await mysql.createConnection({
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  });
  try {
    await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await connection.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci`);
  } finally {
    await connection.end();
  }
}
