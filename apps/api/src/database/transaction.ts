/**
 * One transaction on one connection, like DataSource.transaction, except for what a lost connection means at the
 * end: a failure before COMMIT left the server (the statement was refused by a connection already known dead, or
 * the work itself failed) rolls back, the database having kept nothing; a connection lost once COMMIT was sent may
 * have committed or not, and is answered as CommitUnknownError (reload and check), never as a plain failure.
 */
import { DataSource, EntityManager } from 'typeorm';
import { CommitUnknownError } from '../core/errors';
import { isConnectionError, wasRefusedBeforeSending } from './connection-errors';

export async function inTransaction<T>(dataSource: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    let result: T;
    try {
      result = await work(runner.manager);
    } catch (error) {
      // The original error is the answer even if the rollback fails too (a lost connection rolls back by itself).
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
    try {
      await runner.commitTransaction();
    } catch (error) {
      if (isConnectionError(error) && !wasRefusedBeforeSending(error)) throw new CommitUnknownError();
      await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
    return result;
  } finally {
    await runner.release();
  }
}
