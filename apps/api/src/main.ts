import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { createServer } from './app';
import { loadConfig } from './config/env';
import { createDataSource, ensureDatabase, parseDatabaseUrl } from './database/data-source';
import { seedDemoIfEmpty } from './database/seeds/demo.seed';
import { createSchema } from './schema';

async function main(): Promise<void> {
  const config = loadConfig();
  const target = parseDatabaseUrl(config.databaseUrl);
  await ensureDatabase(target);
  const dataSource = createDataSource(target, { logQueries: config.logQueries });
  await dataSource.initialize();
  if (config.migrateOnStart) {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    if (done.length) console.log(`[dangbo] applied ${done.length} migration(s)`);
  }
  if (config.seedDemoWhenEmpty) {
    const seeded = await seedDemoIfEmpty(dataSource, (message) => console.log(`[dangbo] ${message}`));
    if (seeded) console.log('[dangbo] demo data loaded (xã Mỹ Thạnh)');
  }
  const schema = await createSchema();
  const { app, apollo } = await createServer(config, dataSource, schema);
  const server = app.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    console.log(`[dangbo] API   http://${config.host}:${port}/graphql`);
    if (config.adminDistDir) console.log(`[dangbo] Panel http://${config.host}:${port}/`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `[dangbo] port ${config.port} on ${config.host} is taken: stop what runs there, or set PORT`
        : `[dangbo] server error: ${error.message}`,
    );
    process.exit(1);
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[dangbo] ${signal}: stopping`);
    // Exit even if a keep-alive connection holds the server open.
    setTimeout(() => process.exit(0), 5000).unref();
    server.close();
    server.closeAllConnections?.();
    await apollo.stop();
    await dataSource.destroy();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  console.error('[dangbo] failed to start:', error);
  process.exit(1);
});
