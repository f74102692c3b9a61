import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { createServer } from './app';
import { loadConfig } from './config/env';
import { createDataSource, ensureDatabase, parseDatabaseUrl } from './database/data-source';
import { migrateAndSeed } from './database/migrate';
import { stdoutSink } from './http/request-log';
import { trackConnections } from './http/shutdown';
import { createSchema } from './schema';
import { startJobRunner } from './modules/rating-job/rating-job.runner';

/** Process events go out as the request lines do: one JSON object per line. */
const log = (level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}) =>
  stdoutSink({ time: new Date().toISOString(), level, msg, ...fields });

async function main(): Promise<void> {
  const config = loadConfig();
  const target = parseDatabaseUrl(config.databaseUrl);
  await ensureDatabase(target);
  const dataSource = createDataSource(target, { logQueries: config.logQueries, replicas: config.databaseReplicaUrls.map(parseDatabaseUrl) });
  await dataSource.initialize();
  const startup = await migrateAndSeed(dataSource, {
    migrate: config.migrateOnStart,
    seed: config.seedDemoWhenEmpty,
    log: (message) => log('info', message),
  });
  if (config.migrateOnStart) {
    log('info', startup.applied.length ? `applied ${startup.applied.length} migration(s)` : `migrations: all ${startup.known} already applied`, {
      event: 'migrations',
      applied: startup.applied,
      known: startup.known,
    });
  }
  if (startup.seeded) log('info', 'demo data loaded (xã Mỹ Thạnh)', { event: 'seed' });

  const schema = await createSchema();
  const { app, apollo } = await createServer(config, dataSource, schema);
  // Rating jobs (open / recompute a period) run in the background; state in the database, resumed after a restart.
  // JOB_RUNNER=false: this process only answers requests, and a worker process (JOB_RUNNER on) runs the jobs.
  const jobs = config.jobRunner ? startJobRunner(dataSource, { log: (msg, fields) => log('warn', msg, fields) }) : null;
  const server = app.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    log('info', `API http://${config.host}:${port}/graphql`, { event: 'listening', port, panel: config.adminDistDir ? `http://${config.host}:${port}/` : null, jobRunner: config.jobRunner, readReplicas: config.databaseReplicaUrls.length });
  });
  const connections = trackConnections(server);
  server.on('error', (error: NodeJS.ErrnoException) => {
    log('error', error.code === 'EADDRINUSE' ? `port ${config.port} on ${config.host} is taken: stop what runs there, or set PORT` : `server error: ${error.message}`);
    process.exit(1);
  });

  // SIGTERM (docker stop, systemd, a rolling restart): no new connections; the requests in flight finish within
  // SHUTDOWN_TIMEOUT_MS; idle keep-alive connections close at once, busy ones after their answer; then Apollo and
  // the pool close. Exit 0 when everything drained, 1 when the bound cut requests off.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const inFlight = connections.inFlight();
    // drain() stops accepting before it returns its promise: whoever reads this line finds the port closed.
    const drained = connections.drain(config.shutdownTimeoutMs);
    log('info', `${signal}: stopping`, { event: 'stopping', inFlight, timeoutMs: config.shutdownTimeoutMs });
    // The job runner finishes the chunk it is writing (each chunk is one transaction; the job resumes from its
    // cursor on the next start), within the same bound as the requests.
    const jobsStopped = Promise.race([jobs?.stop(), new Promise((resolve) => setTimeout(resolve, config.shutdownTimeoutMs).unref())]);
    try {
      const [{ cut }] = await Promise.all([drained, jobsStopped]);
      await apollo.stop();
      await dataSource.destroy();
      log(cut ? 'warn' : 'info', cut ? `stopped; ${cut} request(s) cut off after ${config.shutdownTimeoutMs} ms` : 'stopped; every request answered', { event: 'stopped', cut });
      process.exit(cut ? 1 : 0);
    } catch (error) {
      log('error', `stopping failed: ${(error as Error).message}`, { event: 'stopped' });
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  log('error', `failed to start: ${(error as Error)?.message ?? String(error)}`, { event: 'failed' });
  console.error(error);
  process.exit(1);
});
