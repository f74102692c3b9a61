/**
 * Entry of the rating-job thread (rating-job.thread.ts): its own connections to the primary, the same JobRunner the
 * tests drive, and the API thread's messages to wake it or stop it.
 */
import 'reflect-metadata';
import { loadConfig } from '../../config/env';
import { useActivityBuffer } from '../../core/request-activity';
import { createDataSource, parseDatabaseUrl } from '../../database/data-source';
import { JobRunner } from './rating-job.runner';
import { toApiThread } from './rating-job.thread';

async function main(): Promise<void> {
  const config = loadConfig();
  const { activity, ...options } = toApiThread.options();
  if (activity) useActivityBuffer(activity);
  const dataSource = createDataSource(parseDatabaseUrl(config.databaseUrl), { logQueries: config.logQueries, poolSize: 2 });
  await dataSource.initialize();
  const runner = new JobRunner(dataSource, { ...options, log: toApiThread.log, progress: toApiThread.progress }).start();
  toApiThread.onMessage(async (m) => {
    if (m === 'poke') runner.poke();
    else {
      await runner.stop();
      await dataSource.destroy();
      process.exit(0);
    }
  });
}

main().catch((error) => {
  toApiThread.log(`rating job thread failed to start: ${(error as Error)?.message ?? String(error)}`, { event: 'rating-job-runner-error' });
  process.exit(1);
});
